/**
 * method-mismatch: a method that does not fit what the handler does. A GET that writes to the database
 * (`create`, `update`, `delete`, `INSERT`/`UPDATE`/`DELETE`), and a DELETE that reads a request body.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { readsBody, storeText, WRITE_CALL, type RouteHandler } from "./route-handlers.js";
import { routeVisitors } from "./route-visitors.js";

/** GET routes that must change state by nature: links in e-mails, OAuth callbacks, logout links. */
const LINK_ACTION = /logout|callback|verify|confirm|unsubscribe|oauth|activate|redirect|track|webhook|seed|reset/i;

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "GET only reads; DELETE takes no body." },
    messages: {
      getWrites:
        "Move this write out of `GET {{path}}` into a POST, PUT, PATCH or DELETE route. GET must be safe to repeat: browsers prefetch it, " +
        "caches and crawlers replay it, and each replay would change data again. See https://developer.mozilla.org/docs/Glossary/Safe/HTTP",
      deleteWithBody:
        "Take what `DELETE {{path}}` needs from the path (`/tasks/:id`) or the query, not the body. A DELETE body has no defined meaning: " +
        "proxies and some clients drop it, so the request arrives without it. See https://www.rfc-editor.org/rfc/rfc9110#name-delete",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return routeVisitors(context, check);
    function check(route: RouteHandler, node: ESTree.Node): void {
      const text = sourceCode.getText(route.handler);
      if (route.method === "GET" && !LINK_ACTION.test(route.path) && WRITE_CALL.test(storeText(text))) {
        context.report({ node, messageId: "getWrites", data: { path: route.path } });
      } else if (route.method === "DELETE" && readsBody(text)) {
        context.report({ node, messageId: "deleteWithBody", data: { path: route.path } });
      }
    }
  },
};

export const methodMismatchCheck: EslintCheck = {
  kind: "eslint",
  id: "method-mismatch",
  criterion: "api-design",
  description: "A GET that writes to the database, or a DELETE that reads a request body.",
  defaultLevel: "actionable",
  rule,
};
