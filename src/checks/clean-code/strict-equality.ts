import type { EslintCheck } from "../../contract/check.js";
import { coreRule } from "../shared/core-rule.js";

/** `==` and `!=`, through ESLint's `eqeqeq` (which offers `===` as a fix). `x == null` stays allowed. */
export const strictEqualityCheck: EslintCheck = {
  kind: "eslint",
  id: "strict-equality",
  criterion: "clean-code",
  description: "Loose equality (`==`, `!=`) converts types before comparing.",
  defaultLevel: "actionable",
  rule: coreRule("eqeqeq"),
  ruleOptions: () => ["always", { null: "ignore" }],
  learnerMessage: ({ message }) => {
    const [expected, actual] = [...message.matchAll(/'([^']+)'/g)].map((match) => match[1]);
    return (
      `Use \`${expected ?? "==="}\` instead of \`${actual ?? "=="}\`. Loose equality converts the values' types before comparing, ` +
      'so `"1" == 1` and `0 == ""` are both true; strict equality compares exactly what you see.'
    );
  },
};
