import type { EslintCheck } from "../../contract/check.js";
import { coreRule } from "../shared/core-rule.js";

/** `var` declarations, through ESLint's `no-var` (which fixes to `let` when that is safe). */
export const noVarCheck: EslintCheck = {
  kind: "eslint",
  id: "no-var",
  criterion: "clean-code",
  description: "`var` is function-scoped and hoisted; `const` and `let` are block-scoped.",
  defaultLevel: "actionable",
  rule: coreRule("no-var"),
  learnerMessage: () =>
    "Declare this with `const`, or `let` if you assign it again, instead of `var`. " +
    "`var` belongs to the whole function rather than the block it is written in, which lets a value leak out of loops and `if` blocks.",
};
