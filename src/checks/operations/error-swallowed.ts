/**
 * error-swallowed: a catch block that does something, but nothing with the error: it neither logs it, nor
 * rethrows it, nor answers the request, nor returns, nor even reads the caught value. (An empty catch is
 * `empty-catch`'s; a catch with a comment saying why is left alone.) Only where it matters most: in a request
 * handler (the client is told the request worked) and around a write to the database (the data is half-written
 * without a trace). Elsewhere a catch that sets a fallback value (`catch (err) { url = null }`) is a common, fair idiom.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { storeText, walk, WRITE_CALL } from "../api-design/route-handlers.js";
import { inRequestHandler } from "../shared/ast/in-request-handler.js";

/** Calls that deal with an error: loggers, error reporters, `next`, `reject`, responses. */
const HANDLES =
  /log|warn|error|report|capture|sentry|notify|next|reject|emit|fail|abort|exit|send|json|status|render|redirect|throw|done|callback|cb|resolve/i;

type Node = ESTree.Node & { parent?: Node };

function handles(body: ESTree.BlockStatement, param: string | undefined): boolean {
  let handled = false;
  walk(body, (node) => {
    if (handled) return;
    if (node.type === "ThrowStatement" || node.type === "ReturnStatement") handled = true;
    else if (node.type === "Identifier" && node.name === param) handled = true;
    else if (node.type === "CallExpression") {
      const callee = node.callee.type === "MemberExpression" ? node.callee.property : node.callee;
      if (callee.type === "Identifier" && HANDLES.test(callee.name)) handled = true;
    } else if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression") {
      // Koa answers by assignment: `ctx.status = 500`, `ctx.body = ...`; `process.exitCode = 1` says it too.
      const name = node.left.property.type === "Identifier" ? node.left.property.name : "";
      if (/^(status|body|statusCode|exitCode)$/.test(name)) handled = true;
    }
  });
  return handled;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "A caught error is logged, rethrown or answered." },
    messages: {
      swallowed:
        'Do something with `{{name}}` in this catch: log it with context (`logger.error({ err: {{name}} }, "saving the task failed")`), rethrow it, ' +
        "or answer the request with an error. As it is, the failure vanishes: the code carries on as if it worked, and nobody can find out why it did not. " +
        "See https://nodejs.org/api/errors.html#error-propagation-and-interception",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return {
      CatchClause(node) {
        if (node.body.body.length === 0 || sourceCode.getCommentsInside(node.body as unknown as Rule.Node).length > 0)
          return;
        const param = node.param?.type === "Identifier" ? node.param.name : undefined;
        // `catch {` with no binding says the error is not wanted; only a named, unread error is reported.
        if (!param || param.startsWith("_") || handles(node.body, param)) return;
        const tryBlock = (node as Node).parent;
        const writes =
          tryBlock?.type === "TryStatement" && WRITE_CALL.test(storeText(sourceCode.getText(tryBlock.block)));
        if (!writes && !inRequestHandler(node as Node)) return;
        context.report({ node, messageId: "swallowed", data: { name: param } });
      },
    };
  },
};

export const errorSwallowedCheck: EslintCheck = {
  kind: "eslint",
  id: "error-swallowed",
  criterion: "operations",
  description: "A caught error is neither logged, rethrown nor answered (beyond an empty catch).",
  defaultLevel: "actionable",
  rule,
};
