/**
 * Builds one taint check (an ESLint rule) per category. All of them read the same cached per-file
 * analysis, so running eleven rules costs one analysis.
 */
import type { Rule } from "eslint";
import { projectFilesOf, type EslintCheck } from "../../../contract/check.js";
import { taintSpec, type TaintCategory } from "../../../contract/security-categories.js";
import { analyzeFile } from "./analysis/analyze-file.js";
import { traceOf } from "./analysis/taint.js";
import { taintMessage, traceFromMessage } from "./taint-messages.js";

export function createTaintRule(category: TaintCategory, description: string): Rule.RuleModule {
  return {
    meta: {
      type: "problem",
      docs: { description },
      hasSuggestions: true,
      messages: { [category]: "{{message}}", fix: "{{description}}" },
      schema: [],
    },
    create(context) {
      return {
        "Program:exit"() {
          for (const hit of analyzeFile(context.sourceCode, projectFilesOf(context.settings), context.filename)) {
            if (hit.category !== category) continue;
            const trace = traceOf(hit.taint, hit.sink);
            const fix = hit.fix;
            context.report({
              node: hit.node as unknown as Rule.Node,
              messageId: category,
              data: { message: taintMessage(category, trace, hit.taint.kind) },
              ...(fix
                ? {
                    suggest: [
                      {
                        messageId: "fix",
                        data: { description: fix.description },
                        fix: (fixer: Rule.RuleFixer) => fixer.replaceTextRange(fix.range, fix.text),
                      },
                    ],
                  }
                : {}),
            });
          }
        },
      };
    },
  };
}

/** The check of one taint category, from its row in the security category table. */
/** How far below a weak allow-list check its guarded redirect or request is taken to sit (an if block's body). */
const WEAK_CHECK_REACH = 12;

export function createTaintCheck(category: TaintCategory): EslintCheck {
  const { description, defaultLevel } = taintSpec(category);
  return {
    kind: "eslint",
    id: category,
    criterion: "security",
    description,
    defaultLevel,
    category,
    rule: createTaintRule(category, description),
    categoryByMessageId: { [category]: category },
    traceOf: traceFromMessage,
    // A redirect or request guarded by a look-alike allow-list: one finding, on the check that lets it through.
    ...(category === "open-redirect" || category === "ssrf"
      ? { defersTo: [{ check: "weak-allow-list", linesAbove: WEAK_CHECK_REACH }] }
      : {}),
  };
}
