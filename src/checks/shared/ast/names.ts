/** Names read off single nodes: keys, members, callees. Nothing here walks more than a member chain. */
import type { TSESTree } from "@typescript-eslint/utils";
import type * as ESTree from "estree";
import type { AnyNode } from "./node.js";
import { unwrap } from "./unwrap.js";

type AnyCall = ESTree.CallExpression | ESTree.NewExpression | TSESTree.CallExpression | TSESTree.NewExpression;

/** Name of a property key or member property: `a.b` -> "b", `a["b"]` -> "b", `{ "b": 1 }` -> "b", `this.#b` -> "b". */
export function keyName(key: AnyNode | null | undefined, computed = false): string | undefined {
  if (!key) return undefined;
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  if (key.type === "PrivateIdentifier") return key.name;
  return undefined;
}

/** The static name of a member's property: `a.b` and `a["b"]` give "b". */
export function propertyName(member: ESTree.MemberExpression | TSESTree.MemberExpression): string | undefined {
  return keyName(member.property, member.computed);
}

/** The last name of a callee: `crypto.createHash` -> "createHash", `md5` -> "md5", `(f as F)()` -> "f". */
export function calleeName(call: AnyCall): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return propertyName(callee);
  return undefined;
}

/** The receiver of a method call: `a.b.c()` gives the node `a.b`. */
export function receiverOf(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Node | undefined;
export function receiverOf(call: ESTree.CallExpression | ESTree.NewExpression): ESTree.Node | undefined;
export function receiverOf(call: AnyCall): AnyNode | undefined {
  const callee = unwrap(call.callee);
  return callee.type === "MemberExpression" ? callee.object : undefined;
}

/** Dotted path of an identifier/member chain: `res.status(500).json` -> "res.status().json". */
export function dottedName(node: AnyNode | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 8) return undefined;
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "ThisExpression":
      return "this";
    case "MemberExpression": {
      const object = dottedName(node.object, depth + 1);
      const property = propertyName(node);
      return object !== undefined && property !== undefined ? `${object}.${property}` : undefined;
    }
    case "CallExpression": {
      const callee = dottedName(node.callee, depth + 1);
      return callee !== undefined ? `${callee}()` : undefined;
    }
    case "ChainExpression":
      return dottedName(node.expression, depth + 1);
    case "AwaitExpression":
      return dottedName(node.argument, depth + 1);
    default:
      return undefined;
  }
}

/** The object of a member callee as a dotted name: `jwt.sign` -> "jwt", `res.status(500).json` -> "res.status()". */
export function calleeObject(call: AnyCall): string | undefined {
  return call.callee.type === "MemberExpression" ? dottedName(call.callee.object) : undefined;
}

/** The leftmost identifier name of a member chain or call chain: `res.status(400).send` gives "res". */
export function rootName(node: AnyNode): string | undefined {
  let current: AnyNode = unwrap(node);
  for (;;) {
    if (current.type === "Identifier") return current.name;
    if (current.type === "ThisExpression") return "this";
    if (current.type === "MemberExpression") current = unwrap(current.object);
    else if (current.type === "CallExpression") current = unwrap(current.callee);
    else return undefined;
  }
}

/** True when a call chain contains a call of the given method name: `repo.createQueryBuilder("u").where(...)`. */
export function chainHasCall(node: AnyNode, method: string): boolean {
  let current: AnyNode = unwrap(node);
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

/** The name an expression reads: `token` -> "token", `req.session.id` -> "id", `tokens.access` -> "access". */
export function readsName(node: AnyNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return propertyName(node);
  return undefined;
}
