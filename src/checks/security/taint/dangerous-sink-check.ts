/**
 * dangerous-sink: the audit level of the taint checks. `eval`, `new Function`, `vm`, child_process `exec` and
 * `innerHTML` given a value that is not constant, where the taint analysis traced no input (audit-sinks.ts).
 * Informative by default (a rubric can raise it): it says what the call does with any string, not that a
 * request reaches it. A line with a traced taint finding is left to that finding.
 */
import type { Rule } from "eslint";
import { projectFilesOf, type EslintCheck } from "../../../contract/check.js";
import { isSampleData } from "../../shared/is-sample-data.js";
import { fileAnalysis } from "./analysis/analyze-file.js";
import { findAuditSink } from "./sinks/audit-sinks.js";

const description =
  "eval, new Function, vm, child_process exec and innerHTML given a value that is not constant, where no input was traced (audit level).";

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description },
    messages: {
      code: "Treat this value as data instead of running it with `{{sink}}`: parse it (`JSON.parse`) or look the operation up in a table of allowed ones. `{{sink}}` runs whatever string reaches it; no request input was traced here, but if text from a user, a file or another service ever gets in, it runs with your server's permissions.",
      command:
        "Run the program with `execFile` or `spawn` and an array of arguments instead of the built string in `{{sink}}`. A shell reads `;`, `|` and `$( )` in whatever string reaches it; no request input was traced here, but if part of this text ever comes from a user, the shell runs their commands too.",
      html: "Set `textContent` (or build the elements with `createElement`) instead of `{{sink}}`, or clean the markup with DOMPurify first. `{{sink}}` renders whatever string reaches it as HTML; no request input was traced here, but if part of it comes from a user or an API, a `<script>` or `onerror=` in it runs in your visitors' browsers.",
    },
    schema: [],
  },
  create(context) {
    if (isSampleData(context.filename)) return {};
    return {
      "Program:exit"() {
        const { hits, analyzer, nodes } = fileAnalysis(
          context.sourceCode,
          projectFilesOf(context.settings),
          context.filename,
        );
        const tracedLines = new Set(hits.map((hit) => hit.node.loc.start.line));
        for (const node of nodes) {
          const hit = findAuditSink(node, analyzer);
          if (!hit || tracedLines.has(hit.node.loc.start.line)) continue;
          context.report({
            node: hit.node as unknown as Rule.Node,
            messageId: hit.kind,
            data: { sink: hit.sink },
          });
        }
      },
    };
  },
};

export const dangerousSink: EslintCheck = {
  kind: "eslint",
  id: "dangerous-sink",
  criterion: "security",
  description,
  defaultLevel: "informative",
  category: "code-injection",
  categoryByMessageId: { code: "code-injection", command: "command-injection", html: "xss" },
  rule,
};
