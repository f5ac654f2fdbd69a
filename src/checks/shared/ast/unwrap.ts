import type { TSESTree } from "@typescript-eslint/utils";
import type * as ESTree from "estree";
import type { AnyNode } from "./node.js";

/** The expression under parentheses-free wrappers: `x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b`. */
export function unwrap(node: TSESTree.Node): TSESTree.Node;
export function unwrap(node: ESTree.Node): ESTree.Node;
export function unwrap(node: AnyNode): AnyNode;
export function unwrap(node: AnyNode): AnyNode {
  let current = node;
  while (
    current.type === "TSAsExpression" ||
    current.type === "TSNonNullExpression" ||
    current.type === "TSTypeAssertion" ||
    current.type === "TSSatisfiesExpression" ||
    current.type === "ChainExpression"
  ) {
    current = current.expression;
  }
  return current;
}
