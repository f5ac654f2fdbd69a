/**
 * ESLint's RuleTester wired to vitest, with typescript-eslint's parser, for check tests:
 *   ruleTester.run("sql-injection", check.rule, { valid: [...], invalid: [...] })
 */
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ruleTester = new RuleTester({
  languageOptions: {
    parser: tseslint.parser,
    ecmaVersion: "latest",
    sourceType: "module",
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});
