import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { numbersIn } from "../shared/eslint-message-parts.js";

const optionsSchema = z.strictObject({
  max: z
    .number()
    .int()
    .min(1)
    .default(4)
    .describe("Deepest nesting of blocks (if, for, while, try, ...) inside a function."),
});

/** Deeply nested blocks, through ESLint's `max-depth` rule. */
export const maxDepthCheck: EslintCheck = {
  kind: "eslint",
  id: "max-depth",
  criterion: "clean-code",
  description: "Blocks are nested too deeply inside a function.",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: coreRule("max-depth"),
  ruleOptions: (options) => [{ max: checkOptions(optionsSchema, options, "max-depth").max }],
  learnerMessage: ({ message }) => {
    const [depth, max] = numbersIn(message);
    return (
      `Flatten this block: return early for the special cases, or move the inner part into a well-named function, ` +
      `so blocks nest at most ${max ?? "a few"} levels deep (this one is ${depth ?? "deeper"}). ` +
      "Each level of nesting is one more condition a reader must remember to understand the line."
    );
  },
};
