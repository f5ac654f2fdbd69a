import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { numbersIn, subjectOf } from "../shared/eslint-message-parts.js";
import { isTestFile } from "../shared/is-test-file.js";

const optionsSchema = z.strictObject({
  max: z
    .number()
    .int()
    .min(5)
    .default(50)
    .describe("Most lines of code in one function, not counting blank lines and comments."),
});

/** Long functions, through ESLint's `max-lines-per-function` rule. */
export const longFunctionCheck: EslintCheck = {
  kind: "eslint",
  id: "long-function",
  criterion: "clean-code",
  description: "A function is too long to read in one go.",
  defaultLevel: "informative",
  options: optionsSchema,
  rule: coreRule("max-lines-per-function"),
  // A `describe` block holding many tests is long by nature; test files are left alone.
  appliesTo: (path) => !isTestFile(path),
  ruleOptions: (options) => [
    {
      max: checkOptions(optionsSchema, options, "long-function").max,
      skipBlankLines: true,
      skipComments: true,
      IIFEs: false,
    },
  ],
  learnerMessage: ({ message }) => {
    const [lines, max] = numbersIn(message);
    return (
      `Break ${subjectOf(message)} into smaller functions with names that say what each step does, ` +
      `so each stays under ${max ?? "a screenful of"} lines (it has ${lines ?? "more"}). ` +
      "A short function can be read, named, and tested as one idea."
    );
  },
};
