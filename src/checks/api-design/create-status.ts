/**
 * create-status: a POST handler that creates a record (`create`, `insert`, `save`, `INSERT INTO`) and answers
 * 200 instead of 201 Created, or answers 201 with nothing that says what was created (no body, no Location).
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { responsesIn, type RouteHandler } from "./route-handlers.js";
import { routeVisitors } from "./route-visitors.js";

const CREATES = /\.(create|insert|insertOne|save|createOne|build)\s*\(|\bINSERT\s+INTO\b/i;
/** POST routes that act rather than create: logging in, searching, webhooks. */
const ACTION_PATH =
  /login|logout|sign-?in|sign-?out|auth|token|session|search|query|webhook|verify|reset|refresh|callback|upload|import|export|batch|bulk|graphql|rpc|check|validate|preview|calculate|send|notify/i;

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "A POST that creates answers 201 Created with the new record or its Location." },
    messages: {
      notCreated:
        "Answer `res.status(201).json(created)` here: this POST creates a record, and 201 Created tells the client so. " +
        "A plain 200 makes clients guess whether anything was made. See https://developer.mozilla.org/docs/Web/HTTP/Status/201",
      nothingToFind:
        "Send the created record (`res.status(201).json(task)`) or its address (`res.location(`/tasks/${task.id}`)`) with the 201. " +
        "Without either, the client has no way to find what it created. See https://www.rfc-editor.org/rfc/rfc9110#name-201-created",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return routeVisitors(context, check);
    function check(route: RouteHandler, node: ESTree.Node): void {
      if (route.method !== "POST" || ACTION_PATH.test(route.path)) return;
      const text = sourceCode.getText(route.handler);
      if (!CREATES.test(text)) return;
      const responses = responsesIn(route.handler).filter(
        (response) => response.status === undefined || response.status < 300,
      );
      const created = responses.filter((response) => response.status === 201);
      if (created.length > 0) {
        const empty = created.every((response) => !response.body);
        if (empty && !/\blocation\b/i.test(text))
          context.report({ node: created[0]?.node ?? node, messageId: "nothingToFind" });
        return;
      }
      const ok = responses.find(
        (response) =>
          (response.status === undefined || response.status === 200) &&
          response.body &&
          response.sender !== "sendStatus",
      );
      if (ok) context.report({ node: ok.node, messageId: "notCreated" });
    }
  },
};

export const createStatusCheck: EslintCheck = {
  kind: "eslint",
  id: "create-status",
  criterion: "api-design",
  description: "A POST that creates a record answers 200, or 201 with no way to find what it created.",
  defaultLevel: "actionable",
  rule,
};
