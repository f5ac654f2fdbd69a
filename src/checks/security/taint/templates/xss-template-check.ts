/**
 * The `xss-template` check: unescaped output in server-side templates, and DOM sinks fed from the URL
 * in the inline scripts of HTML pages.
 */
import type { FunctionCheck } from "../../../../contract/check.js";
import type { RawFinding } from "../../../../contract/types.js";
import { traceFromMessage, wordingFor } from "../taint-messages.js";
import { findInlineScriptXss } from "./inline-script-xss.js";
import { findUnescapedOutput } from "./unescaped-template-output.js";

const TEMPLATE_FIX: Record<string, string> = {
  "EJS <%- %>": "Use `<%= %>`, which escapes HTML, instead of `<%- %>`",
  "Handlebars {{{ }}}": "Use `{{ }}`, which escapes HTML, instead of `{{{ }}}`",
  "Mustache {{& }}": "Use `{{ }}`, which escapes HTML, instead of `{{& }}`",
  "Pug !=": "Use `=`, which escapes HTML, instead of `!=`",
  "Pug !{ }": "Use `#{ }`, which escapes HTML, instead of `!{ }`",
  "Nunjucks | safe": "Drop the `| safe` filter so Nunjucks escapes the value",
};

export const xssTemplateCheck: FunctionCheck = {
  kind: "function",
  id: "xss-template",
  criterion: "security",
  description:
    "Flags unescaped output in EJS, Handlebars, Pug and Nunjucks templates, and DOM sinks fed from the URL in HTML pages.",
  defaultLevel: "essential",
  category: "xss",
  languages: ["template", "html"],
  run(context) {
    const findings: RawFinding[] = [];
    for (const file of context.files) {
      if (file.language === "template") {
        for (const output of findUnescapedOutput(file.path, file.content)) {
          const trace = `${output.expression} -> ${output.syntax} (unescaped HTML)`;
          const advice = TEMPLATE_FIX[output.syntax] ?? "Escape the value";
          // Where the value comes from is not traced (the template is read alone), so this is actionable: the
          // labelled corpus had HTML the server built from its own strings among these. Traced flows stay essential.
          const finding: RawFinding = {
            messageId: "unescaped-output",
            level: "actionable",
            message: `${advice}. If the value can come from a user, it goes into the page unescaped: ${trace}. ${wordingFor("xss").why}`,
            path: file.path,
            line: output.line,
            category: "xss",
            trace,
          };
          if (output.suggestion !== undefined) finding.suggestion = output.suggestion;
          findings.push(finding);
        }
      } else if (file.language === "html") {
        for (const hit of findInlineScriptXss(file.content)) {
          const finding: RawFinding = {
            messageId: "inline-script",
            message: hit.message,
            path: file.path,
            line: hit.line,
            category: "xss",
          };
          const trace = traceFromMessage(hit.message);
          if (trace) finding.trace = trace;
          if (hit.endLine) finding.endLine = hit.endLine;
          findings.push(finding);
        }
      }
    }
    return findings;
  },
};
