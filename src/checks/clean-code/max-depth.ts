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

const tiersOf = (options: Record<string, unknown>) => checkOptions(optionsSchema, options, "max-depth");

/**
 * Deeply nested blocks, through ESLint's `max-depth` rule, in two tiers: one level over `informativeAbove` (4,
 * ESLint's default) is worth knowing, over `max` (5) it is worth fixing.
 */
export const maxDepthCheck: EslintCheck = {
  kind: "eslint",
  id: "max-depth",
  criterion: "clean-code",
  description: "Blocks are nested too deeply inside a function: informative at 5 levels, actionable from 6.",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: coreRule("max-depth"),
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
