import type { SourceCode } from "eslint";
import type * as ESTree from "estree";
import { calleeName, keyName } from "../../../shared/ast/names.js";
import { staticString } from "../../../shared/ast/static-values.js";
import { FASTIFY_HOOKS } from "../auth-middleware.js";

export type Range = [number, number];

export const MUTATING = new Set(["post", "put", "patch", "delete", "del"]);

/** Middleware that authorizes (role, ownership, permission), not only authenticates. */
export const AUTHORIZING =
  /admin|role|permission|owner|authori[sz]|policy|ability|acl|\bcan[A-Z_]|staff|superuser|manager|moderator|editor|(verify|check|has|require)Access/i;

/**
 * True when a route's middleware authorizes: `requireRole("admin")`, `isOwner`, or in a Fastify route's options
 * a hook that does (`preHandler: (request, reply) => request.isModerator(reply)`). Only the options' hooks are
 * read, not their schema, whose field names (`roles`, `owner_id`) say nothing about who may call the route.
 */
export function authorizes(sourceCode: SourceCode, middleware: ESTree.Node): boolean {
  if (middleware.type !== "ObjectExpression") return AUTHORIZING.test(sourceCode.getText(middleware));
  return middleware.properties.some(
    (property) =>
      property.type === "Property" &&
      FASTIFY_HOOKS.has(keyName(property.key, property.computed) ?? "") &&
      AUTHORIZING.test(sourceCode.getText(property.value)),
  );
}

export const rangeOf = (node: ESTree.Node): Range => node.range ?? [0, 0];
export const inside = (inner: Range, outer: Range): boolean => inner[0] >= outer[0] && inner[1] <= outer[1];

/** A route's path as written; a template's expressions become `:param`. */
export function routePath(node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = staticString(node);
  if (value !== undefined) return value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(":param");
  return undefined;
}

/** The name a handler is known by: `deleteOrder`, `orders.remove`, `asyncHandler(deleteOrder)`. */
export function handlerName(node: ESTree.Node | undefined): string {
  if (!node) return "";
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return keyName(node.property, node.computed) ?? "";
  if (node.type === "CallExpression")
    return handlerName(node.arguments[0] as ESTree.Node | undefined) || (calleeName(node) ?? "");
  return "";
}
