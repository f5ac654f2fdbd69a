/** Functions around a node: which one encloses it, and what it is called. Needs ESLint's parent pointers. */
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ESTree from "estree";
import { keyName } from "./names.js";
import type { AnyNode, Node } from "./node.js";

export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** True for a function declaration, function expression or arrow function. */
export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode;
export function isFunction(node: ESTree.Node | null | undefined): node is ESTree.Function;
export function isFunction(node: AnyNode | null | undefined): boolean {
  return (
    node?.type === "ArrowFunctionExpression" ||
    node?.type === "FunctionDeclaration" ||
    node?.type === "FunctionExpression"
  );
}

/** The name a value is bound to: the variable, the assigned member or the object key. */
export function bindingName(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === "VariableDeclarator" && parent.init === node)
    return parent.id.type === "Identifier" ? parent.id.name : undefined;
  if (parent.type === "AssignmentExpression" && parent.right === node) {
    if (parent.left.type === "Identifier") return parent.left.name;
    return parent.left.type === "MemberExpression" ? keyName(parent.left.property, parent.left.computed) : undefined;
  }
  if (parent.type === "Property" && parent.value === node) return keyName(parent.key, parent.computed);
  if (parent.type === "PropertyDefinition" && parent.value === node) return keyName(parent.key, parent.computed);
  return undefined;
}

/** The function that contains `node`, or undefined at module level. */
export function enclosingFunction(node: Node): ESTree.Function | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** The name of a function: its own id, the variable/property/method it is assigned to. */
export function functionName(fn: ESTree.Function): string | undefined {
  if (fn.type !== "ArrowFunctionExpression" && fn.id) return fn.id.name;
  const parent = (fn as Node).parent;
  if (!parent) return undefined;
  if (parent.type === "MethodDefinition") return keyName(parent.key, parent.computed);
  return bindingName(fn as Node);
}

/** Names of the enclosing functions, innermost first (at most `limit`). */
export function enclosingFunctionNames(node: Node, limit = 3): string[] {
  const names: string[] = [];
  for (let fn = enclosingFunction(node); fn && names.length < limit; fn = enclosingFunction(fn as Node)) {
    const name = functionName(fn);
    if (name) names.push(name);
  }
  return names;
}
