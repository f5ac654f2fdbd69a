/** Maps every identifier of a file to the variable it declares or refers to, in one pass over the scopes. */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

export type Variable = TSESLint.Scope.Variable;

export function buildScopeIndex(scopeManager: TSESLint.Scope.ScopeManager): Map<TSESTree.Identifier, Variable> {
  const index = new Map<TSESTree.Identifier, Variable>();
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      for (const identifier of variable.identifiers) index.set(identifier, variable);
    }
    for (const reference of scope.references) {
      if (reference.resolved && reference.identifier.type === "Identifier")
        index.set(reference.identifier, reference.resolved);
    }
  }
  return index;
}
