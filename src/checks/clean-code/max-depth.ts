import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { numbersIn } from "../shared/eslint-message-parts.js";
import { reportAbove, tierLevel } from "../shared/severity-tiers.js";

const optionsSchema = z.strictObject({
  informativeAbove: z
    .number()
    .int()
    .min(1)
    .default(4)
    .describe("Deepest nesting of blocks (if, for, while, try, ...) before it is mentioned, as informative."),
  max: z
    .number()
    .int()
    .min(1)
    .default(5)
    .describe("Deepest nesting of blocks before it is reported at the rubric's level."),
});

const FUNCTION = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration"]);

/**
 * ESLint reports every block past the limit; blocks nested too deeply in one function share one cause (the
 * function nests too deeply), so each function gets one finding, at its deepest block (the first of equals).
 */
function oncePerFunction(rule: Rule.RuleModule): Rule.RuleModule {
  return {
    ...rule,
    create(context) {
      const deepest = new Map<ESTree.Node | undefined, Rule.ReportDescriptor>();
      const depthOf = (descriptor: Rule.ReportDescriptor): number => Number(descriptor.data?.depth ?? 0);
      const report = (descriptor: Rule.ReportDescriptor): void => {
        if (!("node" in descriptor)) return context.report(descriptor);
        const owner = context.sourceCode
          .getAncestors(descriptor.node as ESTree.Node)
          .findLast((ancestor) => FUNCTION.has(ancestor.type));
        const kept = deepest.get(owner);
        if (!kept || depthOf(descriptor) > depthOf(kept)) deepest.set(owner, descriptor);
      };
      const listeners = rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
      const programExit = listeners["Program:exit"];
      return {
        ...listeners,
        "Program:exit"(node: Parameters<NonNullable<Rule.RuleListener["Program:exit"]>>[0]) {
          programExit?.(node);
          for (const descriptor of deepest.values()) context.report(descriptor);
        },
      };
    },
  };
}

const tiersOf = (options: Record<string, unknown>) => checkOptions(optionsSchema, options, "max-depth");

/**
 * Deeply nested blocks, through ESLint's `max-depth` rule, in two tiers: one level over `informativeAbove` (4,
 * ESLint's default) is worth knowing, over `max` (5) it is worth fixing. One finding per function.
 */
export const maxDepthCheck: EslintCheck = {
  kind: "eslint",
  id: "max-depth",
  criterion: "clean-code",
  description:
    "Blocks are nested too deeply inside a function: informative at 5 levels, actionable from 6 (one finding per function, at its deepest block).",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: oncePerFunction(coreRule("max-depth")),
  ruleOptions: (options) => [{ max: reportAbove(tiersOf(options)) }],
  levelOf: ({ message }, options) => tierLevel(numbersIn(message)[0], tiersOf(options)),
  learnerMessage: ({ message }) => {
    const [depth, max] = numbersIn(message);
    return (
      `Flatten this block: return early for the special cases, or move the inner part into a well-named function, ` +
      `so blocks nest at most ${max ?? "a few"} levels deep (this one is ${depth ?? "deeper"}). ` +
      "Each level of nesting is one more condition a reader must remember to understand the line."
    );
  },
};
