import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { numbersIn, subjectOf } from "../shared/eslint-message-parts.js";

const optionsSchema = z.strictObject({
  max: z.number().int().min(1).default(10).describe("Most independent paths (branches) one function may have."),
});

/** Cyclomatic complexity, through ESLint's `complexity` rule. */
export const complexityCheck: EslintCheck = {
  kind: "eslint",
  id: "complexity",
  criterion: "clean-code",
  description: "A function has too many branches (cyclomatic complexity).",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: coreRule("complexity"),
  ruleOptions: (options) => [{ max: checkOptions(optionsSchema, options, "complexity").max }],
  learnerMessage: ({ message }) => {
    const [count, max] = numbersIn(message);
    return (
      `Split ${subjectOf(message)} into smaller functions, or return early, so it has at most ${max ?? "a few"} paths through it ` +
      `(it has ${count ?? "too many"} now). Every branch is one more case to keep in your head and one more case to test.`
    );
  },
};
