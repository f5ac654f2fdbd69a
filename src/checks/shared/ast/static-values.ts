/** Values known without running code, read off one node. */
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ESTree from "estree";
import { keyName } from "./names.js";
import type { AnyNode } from "./node.js";
import { unwrap } from "./unwrap.js";

/** A string known without running code: a string literal or a template without expressions (`"x" as T` too). */
export function staticString(node: AnyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === "Literal" && typeof inner.value === "string") return inner.value;
  if (inner.type === "TemplateLiteral" && inner.expressions.length === 0)
    return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** True when the node is the literal `value` (true, false, a number or a string). */
export function isLiteral(node: AnyNode | null | undefined, value: unknown): boolean {
  return !!node && node.type === "Literal" && node.value === value;
}

/** The property `name` of an object literal (not spread), if `object` is one and has it. */
export function findProperty(object: TSESTree.Node | null | undefined, name: string): TSESTree.Property | undefined;
export function findProperty(object: ESTree.Node | null | undefined, name: string): ESTree.Property | undefined;
export function findProperty(
  object: AnyNode | null | undefined,
  name: string,
): ESTree.Property | TSESTree.Property | undefined {
  if (object?.type !== "ObjectExpression") return undefined;
  for (const property of object.properties) {
    if (property.type === "Property" && keyName(property.key, property.computed) === name) return property;
  }
  return undefined;
}
