/**
 * list-unbounded: a GET on a collection (`/tasks`, not `/tasks/:id`) that returns every row: an ORM list call
 * (`findAll`, `findMany`, `Model.find()`) or a `SELECT` with no `LIMIT`, and no `limit`, `take`, `perPage`,
 * `pageSize`, `offset`, `skip`, `cursor` or `paginate` anywhere in the handler.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { keyName } from "../shared/ast/names.js";
import { staticString } from "../shared/ast/static-values.js";
import { walk, type RouteHandler } from "./route-handlers.js";
import { routeVisitors } from "./route-visitors.js";

const LIST_CALLS = new Set(["findAll", "findMany", "findAndCountAll", "findAllAndCount", "getMany"]);
const BOUNDED =
  /\b(limit|take|top|first|perPage|per_page|pageSize|page_size|offset|skip|cursor|paginate\w*|page|LIMIT|FETCH\s+FIRST|count)\b/i;

/** Text of a SQL string or template. */
function sqlText(node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join("?");
  return staticString(node);
}

/** An unbounded list call in the handler, if any. */
function listCall(handler: ESTree.Node): ESTree.CallExpression | undefined {
  let found: ESTree.CallExpression | undefined;
  walk(handler, (node) => {
    if (found || node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return;
    const name = keyName(node.callee.property, node.callee.computed) ?? "";
    const receiver = node.callee.object;
    const first = node.arguments[0];
    if (LIST_CALLS.has(name)) found = node;
    // Mongoose/MongoDB `Task.find()` / `db.collection("tasks").find({})`, not `array.find(item => ...)`.
    else if (
      name === "find" &&
      first?.type !== "ArrowFunctionExpression" &&
      first?.type !== "FunctionExpression" &&
      (receiver.type === "CallExpression" ||
        (receiver.type === "Identifier" && /^[A-Z]/.test(receiver.name)) ||
        (receiver.type === "MemberExpression" &&
          /^[A-Z]|collection|model/i.test(keyName(receiver.property, receiver.computed) ?? "")))
    )
      found = node;
    else if (["query", "execute", "all", "many", "manyOrNone", "any"].includes(name)) {
      const sql = sqlText(first);
      if (
        sql &&
        /^\s*SELECT\b[\s\S]*\bFROM\b/i.test(sql) &&
        !/\bWHERE\b[\s\S]*\b(id|\w+_id)\s*=|\bcount\s*\(/i.test(sql)
      )
        found = node;
    }
  });
  return found;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "A list endpoint returns a bounded page, not the whole table." },
    messages: {
      unbounded:
        "Return one page from `GET {{path}}`: read `limit` (with a maximum, say 100) and `offset` or a cursor from the query, and pass them on " +
        "(`LIMIT $1 OFFSET $2`, Prisma `take`/`skip`, Sequelize `limit`/`offset`). Today it returns every row, which gets slower and " +
        "heavier as the table grows, until one request takes the service down. See https://www.moesif.com/blog/technical/api-design/REST-API-Design-Filtering-Sorting-and-Pagination/",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    const check = (route: RouteHandler): void => {
      if (route.method !== "GET" || /\/:\w+\/?$|\{\w+\}\/?$/.test(route.path)) return;
      const call = listCall(route.handler.body);
      if (!call || BOUNDED.test(sourceCode.getText(route.handler))) return;
      context.report({ node: call, messageId: "unbounded", data: { path: route.path } });
    };
    return routeVisitors(context, check);
  },
};

export const listUnboundedCheck: EslintCheck = {
  kind: "eslint",
  id: "list-unbounded",
  criterion: "api-design",
  description: "A list endpoint returns the whole table, with no limit or pagination.",
  defaultLevel: "actionable",
  rule,
};
