/**
 * not-found-status: a route that looks a record up by an id from the path and answers 200 whatever it found:
 * the result is sent with no `404` anywhere in the handler, or the "not found" branch answers `null`, `{}` or
 * an empty body with status 200.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { responsesIn, type RouteHandler } from "./route-handlers.js";
import { routeVisitors } from "./route-visitors.js";

/** Data-access calls that find one record, and SQL that selects by a key. */
const LOOKUP = /\.(findById|findByPk|findOne|findUnique|findFirst|findOneBy|first)\s*\(|\bSELECT\b[^`'"]*\bWHERE\b/i;
/** Any sign the handler answers "not found": a 404, an error class or helper named so, a thrown HTTP error. */
const NOT_FOUND = /404|not_?found|notFound|NotFound|orFail|OrThrow|OrFail|rejectOnEmpty|throw\b|next\(/;

function isEmptyBody(node: ESTree.Node | undefined): boolean {
  if (!node) return true;
  if (node.type === "Literal") return node.value === null || node.value === "";
  if (node.type === "Identifier") return node.name === "undefined";
  if (node.type === "ObjectExpression") return node.properties.length === 0;
  return node.type === "ArrayExpression" && node.elements.length === 0;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "A lookup by id answers 404 when nothing was found." },
    messages: {
      noNotFound:
        'Answer 404 when nothing has this id: `if (!task) return res.status(404).json({ error: "task not found" })` before sending it. ' +
        "Otherwise the client gets 200 with `null` or an empty body and cannot tell a missing record from an empty one. " +
        "See https://developer.mozilla.org/docs/Web/HTTP/Status/404",
      emptyOk:
        "Answer `res.status(404)` here instead of 200 with an empty body: nothing was found, and the status code is how clients and " +
        "monitoring know. See https://developer.mozilla.org/docs/Web/HTTP/Status/404",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    return routeVisitors(context, check);
    function check(route: RouteHandler): void {
      if (!["GET", "PUT", "PATCH", "DELETE"].includes(route.method) || !/\/:\w+|\{\w+\}/.test(route.path)) return;
      const text = sourceCode.getText(route.handler);
      if (!LOOKUP.test(text) || !/\bparams\b/.test(text)) return;
      const responses = responsesIn(route.handler);
      if (NOT_FOUND.test(text)) {
        // A branch that found nothing (`if (!task)`) and answers 200 with nothing in it.
        const emptyOk = responses.find(
          (response) =>
            (response.status === undefined || response.status === 200) &&
            response.sender !== "sendStatus" &&
            response.body !== undefined &&
            isEmptyBody(response.body),
        );
        if (emptyOk && route.method === "GET") context.report({ node: emptyOk.node, messageId: "emptyOk" });
        return;
      }
      const sent = responses.find(
        (response) => response.status === undefined && response.body && response.body.type !== "ObjectExpression",
      );
      if (sent && route.method === "GET") context.report({ node: sent.node, messageId: "noNotFound" });
    }
  },
};

export const notFoundStatusCheck: EslintCheck = {
  kind: "eslint",
  id: "not-found-status",
  criterion: "api-design",
  description: "A lookup by id answers 200 with null or an empty body where 404 is meant.",
  defaultLevel: "actionable",
  rule,
};
