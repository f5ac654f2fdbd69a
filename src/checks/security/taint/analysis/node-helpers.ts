/** Small, parser-agnostic helpers over typescript-eslint AST nodes. */
import type { TSESTree } from "@typescript-eslint/utils";

export type Node = TSESTree.Node;

/** The expression under parentheses-free wrappers: `x as T`, `x!`, `<T>x`, `x satisfies T`, `a?.b`. */
export function unwrap(node: Node): Node {
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

/** The static name of a member's property: `a.b` and `a["b"]` give "b". */
export function propertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed && node.property.type === "Identifier") return node.property.name;
  if (node.property.type === "Literal" && typeof node.property.value === "string") return node.property.value;
  return undefined;
}

/** The called function's last name: `a.b.c()` gives "c", `f()` gives "f". */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return propertyName(callee);
  return undefined;
}

/** The receiver of a method call: `a.b.c()` gives the node `a.b`. */
export function receiverOf(call: TSESTree.CallExpression | TSESTree.NewExpression): Node | undefined {
  const callee = unwrap(call.callee);
  return callee.type === "MemberExpression" ? callee.object : undefined;
}

/** The leftmost identifier name of a member chain or call chain: `res.status(400).send` gives "res". */
export function rootName(node: Node): string | undefined {
  let current: Node = unwrap(node);
  for (;;) {
    if (current.type === "Identifier") return current.name;
    if (current.type === "ThisExpression") return "this";
    if (current.type === "MemberExpression") current = unwrap(current.object);
    else if (current.type === "CallExpression") current = unwrap(current.callee);
    else return undefined;
  }
}

/** True when a call chain contains a call of the given method name: `repo.createQueryBuilder("u").where(...)`. */
export function chainHasCall(node: Node, method: string): boolean {
  let current: Node = unwrap(node);
  for (;;) {
    if (current.type === "CallExpression") {
      if (calleeName(current) === method) return true;
      current = unwrap(current.callee);
    } else if (current.type === "MemberExpression") {
      current = unwrap(current.object);
    } else {
      return false;
    }
  }
}

export function isFunction(node: Node | null | undefined): node is TSESTree.FunctionLike & (TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression) {
  return node?.type === "ArrowFunctionExpression" || node?.type === "FunctionDeclaration" || node?.type === "FunctionExpression";
}

export function stringLiteral(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === "Literal" && typeof inner.value === "string") return inner.value;
  if (inner.type === "TemplateLiteral" && inner.expressions.length === 0) return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A property of an object literal by static key name. */
export function objectProperty(node: Node | undefined, key: string): TSESTree.Property | undefined {
  if (node?.type !== "ObjectExpression") return undefined;
  for (const property of node.properties) {
    if (property.type !== "Property") continue;
    const name = property.key.type === "Identifier" && !property.computed ? property.key.name : property.key.type === "Literal" ? String(property.key.value) : undefined;
    if (name === key) return property;
  }
  return undefined;
}
