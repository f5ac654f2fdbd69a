/**
 * error-disclosure: stack traces and raw error objects sent to the client from catch blocks, error
 * handlers and error-first callbacks: `res.status(500).send(err)`, `res.json({ error: err })`,
 * `res.json({ stack: err.stack })`, `ctx.body = err`, `reply.send({ error: err })`, `res.render("error", { error: err })`, unless
 * inside a development-only branch.
 *
 * Fastify's `reply.send(err)` with the error itself is not a disclosure: Fastify treats an `Error` given to `send`
 * as a failure and runs the error handler (`setErrorHandler`, or its default that answers
 * `{ statusCode, error, message }` without the stack), exactly as when the handler throws. It is Fastify's
 * documented way to fail a request, as `next(err)` is Express's. Inside the learner's own `setErrorHandler` it
 * still counts: that handler is where the answer is shaped, and passing the raw error on sends its message.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { findVariable } from "../../shared/ast/scope.js";
import { isInsideDevOnlyBranch } from "./is-inside-dev-only-branch.js";

const SEND_METHODS = new Set(["send", "json", "end", "write", "jsonp", "sendStatus"]);
const RESPONSE_OBJECT =
  /^(res|response|resp|reply|rep|h|ctx\.res|this\.res)$|^(res|response|reply)\.(status|code)\(\)$/;
const ERROR_NAME = /^(e|err|error|ex|exc|exception|er|e2|caught)$/i;
const ERROR_HANDLER_HOOKS = new Set(["setErrorHandler", "onError", "catch", "on"]);
/** Fastify's reply (`reply`, `rep`, `reply.code(500)`): its `send(err)` hands the error to the error handler. */
const FASTIFY_REPLY = /^(reply|rep)$|^reply\.(status|code)\(\)$/;

/** `res`, `reply`, `res.status(500)`, `response.locals`: an object that answers the client. */
function isResponse(object: string | undefined): boolean {
  return RESPONSE_OBJECT.test(object ?? "") || /^(res|response|reply)\./.test(object ?? "");
}

/** True when `identifier` is a caught error: a catch parameter, an error handler's or error-first callback's first parameter. */
function isErrorVariable(context: Rule.RuleContext, identifier: ESTree.Identifier): boolean {
  const variable = findVariable(context.sourceCode.getScope(identifier), identifier.name);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === "CatchClause") return true;
  if (def.type !== "Parameter") return false;
  const fn = def.node as ESTree.Function;
  const first = fn.params[0];
  if (!first || first.type !== "Identifier" || first.name !== identifier.name) return false;
  if (fn.params.length === 4) return true; // Express error middleware (err, req, res, next)
  const parent = (fn as Node).parent;
  if (parent?.type === "CallExpression" && ERROR_HANDLER_HOOKS.has(calleeName(parent) ?? "")) return true;
  return ERROR_NAME.test(identifier.name);
}

/** True inside a function given to `setErrorHandler`: the handler that decides what the client sees. */
function isInsideErrorHandler(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    const isFunction = current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression";
    if (isFunction && current.parent?.type === "CallExpression" && calleeName(current.parent) === "setErrorHandler")
      return true;
  }
  return false;
}

/** What in `node` discloses the error: the raw object, its stack, or nothing. */
function disclosure(
  context: Rule.RuleContext,
  node: ESTree.Node | null | undefined,
  depth = 0,
): { kind: "rawError" | "stack"; name: string } | undefined {
  if (!node || depth > 3) return undefined;
  switch (node.type) {
    case "Identifier":
      return isErrorVariable(context, node) ? { kind: "rawError", name: node.name } : undefined;
    case "MemberExpression": {
      const property = keyName(node.property, node.computed);
      if (property === "stack" && node.object.type === "Identifier" && isErrorVariable(context, node.object))
        return { kind: "stack", name: node.object.name };
      return undefined;
    }
    case "ObjectExpression":
      for (const property of node.properties) {
        const value = property.type === "Property" ? property.value : property.argument;
        if (property.type === "SpreadElement") continue;
        if (isInsideDevOnlyBranch(context, value as Node) || value.type === "ConditionalExpression") continue;
        const found = disclosure(context, value, depth + 1);
        if (found) return found;
      }
      return undefined;
    case "TemplateLiteral":
      for (const expression of node.expressions) {
        const found = disclosure(context, expression, depth + 1);
        if (found?.kind === "stack") return found;
      }
      return undefined;
    case "BinaryExpression":
      if (node.left.type === "PrivateIdentifier") return undefined;
      {
        const found = disclosure(context, node.left, depth + 1) ?? disclosure(context, node.right, depth + 1);
        return found?.kind === "stack" ? found : undefined;
      }
    default:
      return undefined;
  }
}

/** Reports `value` when it discloses the error, unless `target` sits in a development-only branch. */
function check(context: Rule.RuleContext, target: ESTree.Node, value: ESTree.Node | undefined): void {
  const found = disclosure(context, value);
  if (!found || isInsideDevOnlyBranch(context, target as Node)) return;
  context.report({ node: target, messageId: found.kind, data: { name: found.name } });
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Log errors on the server; send the client a generic message." },
    messages: {
      rawError:
        'Send a generic message instead, for example `res.status(500).json({ error: "Something went wrong" })`, and log `{{name}}` on the server. The raw error can reveal file paths, library versions, SQL and data to an attacker.',
      stack:
        "Remove the stack trace from the response and log it on the server with your logger (for example `logger.error({ err: {{name}} })`), then send a generic message. A stack trace shows attackers your file layout, libraries and the code path that failed.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const method = calleeName(node);
        if (!method || !SEND_METHODS.has(method) || node.callee.type !== "MemberExpression") return;
        const object = dottedName(node.callee.object);
        if (!isResponse(object)) return;
        const [value] = node.arguments;
        const handsOver = method === "send" && FASTIFY_REPLY.test(object ?? "") && value?.type === "Identifier";
        if (handsOver && !isInsideErrorHandler(node as Node)) return;
        check(context, node, value as ESTree.Node | undefined);
      },
      "CallExpression[callee.property.name='render']"(node: ESTree.CallExpression) {
        // res.render("error", { error: err }): the view gets the raw error (and usually prints its stack)
        if (!isResponse(node.callee.type === "MemberExpression" ? dottedName(node.callee.object) : "")) return;
        const locals = node.arguments[1];
        if (locals?.type === "ObjectExpression") check(context, node, locals);
      },
      AssignmentExpression(node) {
        // Koa: ctx.body = err
        if (node.left.type !== "MemberExpression" || keyName(node.left.property, node.left.computed) !== "body") return;
        if (!/^(ctx|context|this)$/.test(dottedName(node.left.object) ?? "")) return;
        check(context, node, node.right);
      },
    };
  },
};

export const errorDisclosure: EslintCheck = {
  kind: "eslint",
  id: "error-disclosure",
  criterion: "security",
  description: "Stack traces and raw error objects sent to the client.",
  defaultLevel: "actionable",
  category: "error-disclosure",
  rule,
};
