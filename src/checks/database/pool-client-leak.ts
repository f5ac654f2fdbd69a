/**
 * pool-client-leak: a client taken from a pool (`await pool.connect()`, mysql2 `getConnection()`) that is not
 * released in a `finally` block. A `release()` after the queries is skipped when a query throws, and each lost
 * client is one connection fewer, until the pool is empty and every request waits forever.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { keyName } from "../shared/ast/names.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { enclosingFunctionOf, walk } from "./database-calls.js";

const ACQUIRE = new Set(["connect", "getConnection", "acquire"]);
const POOLISH = /pool|^db$|database/i;

function acquiredClient(init: ESTree.Expression | null | undefined): boolean {
  const call = init?.type === "AwaitExpression" ? init.argument : undefined;
  if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.arguments.length > 0)
    return false;
  if (!ACQUIRE.has(keyName(call.callee.property, call.callee.computed) ?? "")) return false;
  const receiver = call.callee.object;
  const name =
    receiver.type === "Identifier"
      ? receiver.name
      : receiver.type === "MemberExpression"
        ? (keyName(receiver.property, receiver.computed) ?? "")
        : "";
  return POOLISH.test(name);
}

/** True when a `finally` block in `scope` calls `<name>.release()` (or `.end()`, `.destroy()`). */
function releasedInFinally(scope: ESTree.Node, name: string): boolean {
  let released = false;
  walk(scope, (node) => {
    if (released || node.type !== "TryStatement" || !node.finalizer) return;
    walk(node.finalizer, (inner) => {
      if (
        inner.type === "CallExpression" &&
        inner.callee.type === "MemberExpression" &&
        inner.callee.object.type === "Identifier" &&
        inner.callee.object.name === name
      ) {
        if (/^(release|end|destroy|done)$/.test(keyName(inner.callee.property, inner.callee.computed) ?? ""))
          released = true;
      }
    });
  });
  return released;
}

/** True when the client leaves the function (returned or handed to a caller), so releasing it is the caller's job. */
function handedOn(scope: ESTree.Node, name: string): boolean {
  let handed = false;
  walk(scope, (node) => {
    if (node.type === "ReturnStatement" && node.argument?.type === "Identifier" && node.argument.name === name)
      handed = true;
  });
  return handed;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "A client taken from a pool is released on every path." },
    messages: {
      notReleased:
        "Release `{{name}}` in a `finally` block: `try { ...queries... } finally { {{name}}.release(); }`. Today a query that throws skips " +
        "the release, the pool loses a connection, and after a few such errors every request waits for a client that never comes back. " +
        "Where you need no transaction, `pool.query(...)` takes and releases a client for you. See https://node-postgres.com/features/pooling",
    },
    schema: [],
  },
  create(context) {
    if (isTestPath(context.filename)) return {};
    return {
      VariableDeclarator(node) {
        if (node.id.type !== "Identifier" || !acquiredClient(node.init)) return;
        const fn = enclosingFunctionOf(node);
        if (!fn) return;
        if (releasedInFinally(fn.body, node.id.name) || handedOn(fn.body, node.id.name)) return;
        context.report({ node, messageId: "notReleased", data: { name: node.id.name } });
      },
    };
  },
};

export const poolClientLeakCheck: EslintCheck = {
  kind: "eslint",
  id: "pool-client-leak",
  criterion: "database",
  description: "A client taken from a connection pool is not released in a finally block.",
  defaultLevel: "essential",
  rule,
};
