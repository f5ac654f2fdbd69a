import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { numbersIn, subjectOf } from "../shared/eslint-message-parts.js";
import { typescriptEslintRule } from "../shared/typescript-eslint-rule.js";

const optionsSchema = z.strictObject({
  max: z.number().int().min(1).default(4).describe("Most parameters one function may take."),
});

/** Too many parameters, through typescript-eslint's `max-params` (which ignores a `this` parameter). */
export const maxParamsCheck: EslintCheck = {
  kind: "eslint",
  id: "max-params",
  criterion: "clean-code",
  description: "A function takes too many parameters.",
  defaultLevel: "informative",
  options: optionsSchema,
  rule: typescriptEslintRule("max-params"),
  ruleOptions: (options) => [{ max: checkOptions(optionsSchema, options, "max-params").max, countVoidThis: false }],
  learnerMessage: ({ message }) => {
    const [count, max] = numbersIn(message);
    return (
      `Give ${subjectOf(message)} at most ${max ?? "a few"} parameters (it takes ${count ?? "more"}): group related values into one object, ` +
      "such as `createTask({ title, dueDate, ownerId })`. Long parameter lists are easy to pass in the wrong order, and named properties say what each value is."
    );
  },
};
