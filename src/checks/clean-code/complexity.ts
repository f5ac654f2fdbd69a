import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { numbersIn, subjectOf } from "../shared/eslint-message-parts.js";
import { reportAbove, tierLevel } from "../shared/severity-tiers.js";

const optionsSchema = z.strictObject({
  informativeAbove: z
    .number()
    .int()
    .min(1)
    .default(10)
    .describe("Paths (branches) one function may have before it is mentioned, as informative."),
  max: z
    .number()
    .int()
    .min(1)
    .default(15)
    .describe("Most paths (branches) one function may have before it is reported at the rubric's level."),
});

const tiersOf = (options: Record<string, unknown>) => checkOptions(optionsSchema, options, "complexity");

/**
 * Cyclomatic complexity, through ESLint's `complexity` rule, in two tiers: over `informativeAbove` (10) it is
 * worth knowing, over `max` (15, SonarQube's default for cognitive complexity) it is worth fixing.
 */
export const complexityCheck: EslintCheck = {
  kind: "eslint",
  id: "complexity",
  criterion: "clean-code",
  description: "A function has too many branches (cyclomatic complexity): informative over 10, actionable over 15.",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: coreRule("complexity"),
  ruleOptions: (options) => [{ max: reportAbove(tiersOf(options)) }],
  levelOf: ({ message }, options) => tierLevel(numbersIn(message)[0], tiersOf(options)),
  learnerMessage: ({ message }) => {
    const [count, max] = numbersIn(message);
    return (
      `Split ${subjectOf(message)} into smaller functions, or return early, so it has at most ${max ?? "a few"} paths through it ` +
      `(it has ${count ?? "too many"} now). Every branch is one more case to keep in your head and one more case to test.`
    );
  },
};
