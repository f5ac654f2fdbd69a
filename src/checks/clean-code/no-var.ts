import type { EslintCheck } from "../../contract/check.js";
import { coreRule } from "../shared/core-rule.js";
import { filteredRule } from "../shared/filtered-rule.js";

/** `var` declarations, through ESLint's `no-var` (which fixes to `let` when that is safe). */
export const noVarCheck: EslintCheck = {
  kind: "eslint",
  id: "no-var",
  criterion: "clean-code",
  description: "`var` is function-scoped and hoisted; `const` and `let` are block-scoped.",
  defaultLevel: "actionable",
  // `declare global { var cache: Cache }` and `declare var x` need `var`: `let` there does not compile.
  rule: filteredRule(coreRule("no-var"), {
    names: ["no-var"],
    skip: (node, context) =>
      context.sourceCode.getAncestors(node).some((ancestor) => ancestor.type === ("TSModuleDeclaration" as string)) ||
      (node as { declare?: boolean }).declare === true,
  }),
  learnerMessage: () =>
    "Declare this with `const`, or `let` if you assign it again, instead of `var`. " +
    "`var` belongs to the whole function rather than the block it is written in, which lets a value leak out of loops and `if` blocks.",
};
