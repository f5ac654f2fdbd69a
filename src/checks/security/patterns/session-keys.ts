/**
 * Signing keys written as an array: cookie-session's `cookieSession({ keys: ["b1f0...", "7c2e..."] })` and
 * express-session's `session({ secret: ["..."] })`. Whoever reads the code can sign a session cookie and be
 * anyone. (Koa's `app.keys = [...]` is left out: in the corpus it holds example placeholders, `["key1", "key2"]`.)
 */
import type * as ESTree from "estree";
import { calleeName, keyName } from "../../shared/ast/names.js";

const SESSION_CALL = /^(cookieSession|session|expressSession|koaSession|cookieParser)$/;

/** The array of a `keys` (or `secret`) option of a session middleware. */
export function sessionKeyArray(node: ESTree.Node): ESTree.ArrayExpression | undefined {
  const withParent = node as ESTree.Node & { parent?: ESTree.Node & { parent?: ESTree.Node } };
  if (node.type !== "Property" || node.value.type !== "ArrayExpression") return undefined;
  const key = keyName(node.key, node.computed);
  if (key !== "keys" && key !== "secret") return undefined;
  const call = withParent.parent?.parent;
  return call?.type === "CallExpression" && SESSION_CALL.test(calleeName(call) ?? "") ? node.value : undefined;
}
