import type { EslintCheck } from "../../contract/check.js";
import { filteredRule } from "../shared/filtered-rule.js";
import { typescriptEslintRule } from "../shared/typescript-eslint-rule.js";
import { isAnyRequiredByTypeScript } from "./any-required-by-typescript.js";

/**
 * `any` in TypeScript, through typescript-eslint's `no-explicit-any` (which suggests `unknown`), except where
 * TypeScript needs `any` (the rest parameter of a function type, a mixin's constructor).
 */
export const noExplicitAnyCheck: EslintCheck = {
  kind: "eslint",
  id: "no-explicit-any",
  criterion: "clean-code",
  description: "`any` switches off TypeScript's checks for a value.",
  defaultLevel: "actionable",
  rule: filteredRule(typescriptEslintRule("no-explicit-any"), {
    names: ["@typescript-eslint/no-explicit-any"],
    skip: isAnyRequiredByTypeScript,
  }),
  ruleOptions: () => [{ fixToUnknown: false, ignoreRestArgs: false }],
  // A declaration file (`types/untyped-lib.d.ts`) describes someone else's untyped JavaScript: `any` there says
  // honestly what is not known, and nothing in it runs.
  appliesTo: (path) => !/\.d\.[cm]?ts$/i.test(path),
  learnerMessage: () =>
    "Replace `any` with the real type, or with `unknown` and a check before use (for request bodies, validate them, for example with zod). " +
    "`any` turns off type checking for this value and everything it touches, so TypeScript can no longer catch mistakes there.",
};
