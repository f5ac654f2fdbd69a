import type { TSESTree } from "@typescript-eslint/typescript-estree";

/** A call of a method written with a dot: `app.use(...)` gives the object `app` and the name "use". */
export function memberCall(
  node: TSESTree.Node,
): { object: TSESTree.Expression; name: string; call: TSESTree.CallExpression } | undefined {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed)
    return undefined;
  if (node.callee.property.type !== "Identifier") return undefined;
  return { object: node.callee.object, name: node.callee.property.name, call: node };
}
