/**
 * error-status: an error answered with the wrong status. An error body (`{ error }`, or any answer from a
 * `catch`) sent with status 200; a validation failure answered 500; a `catch` around database work that answers
 * 400 to every error, whatever went wrong.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import type { Node } from "../shared/ast/node.js";
import { findProperty } from "../shared/ast/static-values.js";
import { responseOf, statusSetBefore, walk, type Response } from "./route-handlers.js";

const VALIDATION_TEST =
  /typeof\s|isEmpty\(\)|\.success\b|ZodError|ValidationError|validationResult|\.(body|query)\.\w+|\.length\s*[<>]|isNaN|Number\.isInteger|\.test\(/;
const VALIDATION_WORDS = /\b(required|invalid|must be|missing|too (long|short)|is not a valid)\b/i;
const DATA_ACCESS = /\.(query|create|save|insert\w*|update\w*|delete\w*|find\w*|destroy|execute)\s*\(/;
const TELLS_ERRORS_APART =
  /instanceof|\.name\b|\.code\b|\.status(Code)?\b|\.kind\b|\.type\b|switch\s*\(|\.issues\b|\.errors\b/;

function ancestors(node: Node): Node[] {
  const found: Node[] = [];
  for (let current = node.parent; current; current = current.parent) found.push(current);
  return found;
}

function hasErrorKey(body: ESTree.Node | undefined): boolean {
  return (
    body?.type === "ObjectExpression" &&
    (findProperty(body, "error") !== undefined || findProperty(body, "errors") !== undefined)
  );
}

function bodyText(body: ESTree.Node | undefined, text: (node: ESTree.Node) => string): string {
  if (!body) return "";
  if (body.type === "ObjectExpression") {
    const message = findProperty(body, "error") ?? findProperty(body, "message") ?? findProperty(body, "errors");
    return message ? text(message.value) : "";
  }
  return text(body);
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Errors are answered with a 4xx or 5xx status that says what went wrong." },
    messages: {
      okError:
        "Set an error status before sending this error, for example `res.status(400).json({ error })` for bad input or 500 for a failure. " +
        "Sent as it is, the answer says 200 OK: clients, retries and monitoring all treat it as a success. " +
        "See https://developer.mozilla.org/docs/Web/HTTP/Status#client_error_responses",
      validation500:
        "Answer 400 (or 422) here: the request failed validation, which is the client's mistake, not the server's. " +
        "A 500 tells the client to retry the same bad request and pages whoever is on call. See https://developer.mozilla.org/docs/Web/HTTP/Status/400",
      catch400:
        "Tell errors apart in this catch: answer 400 only for bad input (`if (error instanceof ValidationError)`) and pass the rest on " +
        "(`next(error)`, or 500). Answering 400 to every error blames the client for a database outage and hides the bug from your logs. " +
        "See https://expressjs.com/en/guide/error-handling.html",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    const text = (node: ESTree.Node): string => sourceCode.getText(node);
    const report = (response: Response, messageId: string): void => context.report({ node: response.node, messageId });
    return {
      CallExpression(node) {
        const response = responseOf(node);
        if (!response || !response.body) return;
        // Fastify's `reply.send(error)` answers with the error's own status code (500 by default).
        if (response.body.type === "Identifier" && /^reply$/.test(sourceCode.getText(node).split(".")[0] ?? "")) return;
        const above = ancestors(node as Node);
        if ((response.status === undefined || response.status === 200) && response.sender !== "end") {
          const inCatch = above.some((ancestor) => ancestor.type === "CatchClause");
          if (!hasErrorKey(response.body) && !inCatch) return;
          // `res.status(error.status || 500); res.json({ error })`: a status set by a statement of its own.
          const root = sourceCode.getText(node).split(/[.(\s]/)[0] ?? "";
          if (response.status === undefined && statusSetBefore(node, root) !== undefined) return;
          // In a catch, only an answer that carries the error is an error answer (not a fallback value).
          if (!hasErrorKey(response.body) && !/\b(err|error|e|ex|exception)\b|message/.test(text(response.body)))
            return;
          report(response, "okError");
          return;
        }
        if (response.status === 500) {
          const test = above.find((ancestor): ancestor is Node & ESTree.IfStatement => ancestor.type === "IfStatement");
          if (VALIDATION_WORDS.test(bodyText(response.body, text)) || (test && VALIDATION_TEST.test(text(test.test))))
            report(response, "validation500");
        }
      },
      TryStatement(node) {
        const handler = node.handler;
        if (!handler || !DATA_ACCESS.test(text(node.block))) return;
        if (TELLS_ERRORS_APART.test(text(handler.body).replace(/\b(res|response|reply|resp)\.(status|code)\(/g, "")))
          return;
        const responses: Response[] = [];
        walk(handler.body, (child) => {
          const response = child.type === "CallExpression" ? responseOf(child) : undefined;
          if (response) responses.push(response);
        });
        const first = responses[0];
        if (first && responses.every((response) => response.status === 400)) report(first, "catch400");
      },
    };
  },
};

export const errorStatusCheck: EslintCheck = {
  kind: "eslint",
  id: "error-status",
  criterion: "api-design",
  description: "An error answered 200, a validation failure answered 500, or every caught error answered 400.",
  defaultLevel: "actionable",
  rule,
};
