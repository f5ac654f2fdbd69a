/**
 * Builds one taint check (an ESLint rule) per category. All of them read the same cached per-file
 * analysis, so running eleven rules costs one analysis.
 */
import type { Rule } from "eslint";
import type { EslintCheck } from "../../../contract/check.js";
import type { Level } from "../../../contract/levels.js";
import type { SecurityCategory } from "../../../contract/security-categories.js";
import { analyzeFile } from "./analysis/analyze-file.js";
import { traceOf } from "./analysis/taint.js";
import { taintMessage, traceFromMessage } from "./taint-messages.js";

export interface TaintCheckSpec {
  category: SecurityCategory;
  description: string;
  defaultLevel: Level;
}

export function createTaintRule(category: SecurityCategory, description: string): Rule.RuleModule {
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
          for (const hit of analyzeFile(context.sourceCode)) {
            if (hit.category !== category) continue;
            const trace = traceOf(hit.taint, hit.sink);
            const fix = hit.fix;
            context.report({
              node: hit.node as unknown as Rule.Node,
              messageId: category,
              data: { message: taintMessage(category, trace) },
              ...(fix
                ? { suggest: [{ messageId: "fix", data: { description: fix.description }, fix: (fixer: Rule.RuleFixer) => fixer.replaceTextRange(fix.range, fix.text) }] }
                : {}),
            });
          }
        },
      };
    },
  };
}

export function createTaintCheck(spec: TaintCheckSpec): EslintCheck {
  return {
    kind: "eslint",
    id: spec.category,
    criterion: "security",
    description: spec.description,
    defaultLevel: spec.defaultLevel,
    category: spec.category,
    rule: createTaintRule(spec.category, spec.description),
    categoryByMessageId: { [spec.category]: spec.category },
    traceOf: traceFromMessage,
  };
}
