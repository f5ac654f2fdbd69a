/**
 * select-unbounded: in a request handler (or a function of its file it calls), a `SELECT ... FROM` with neither `WHERE` nor `LIMIT` (nor `FETCH FIRST`,
 * nor an aggregate that returns one row): every request reads the whole table. api-design's list-unbounded
 * speaks for GET collection routes (it asks for pagination from the query string); this check reads the SQL of
 * every other request path, and defers to list-unbounded when both report the same query.
 */
import type { Rule } from "eslint";
import type { EslintCheck } from "../../contract/check.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { runsInRequest } from "./called-functions.js";
import { callSql } from "./database-calls.js";

const SELECT_FROM = /^\s*SELECT\b[\s\S]*?\bFROM\s+([\w."]+)/i;
const BOUNDED =
  /\b(WHERE|LIMIT|FETCH\s+(FIRST|NEXT)|OFFSET)\b|^\s*SELECT\s+(count|sum|avg|min|max|exists)\s*\(|\bGROUP\s+BY\b/i;

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Queries in a request path are bounded by WHERE or LIMIT." },
    messages: {
      unbounded:
        "Bound this query: filter it with `WHERE` or return one page with `LIMIT $1 OFFSET $2` (or a keyset `WHERE id > $1 ORDER BY id LIMIT $2`). " +
        "Today each request reads every row of `{{table}}`, so it gets slower and heavier as the table grows. " +
        "See https://use-the-index-luke.com/sql/partial-results/top-n-queries",
    },
    schema: [],
  },
  create(context) {
    if (isTestPath(context.filename)) return {};
    return {
      CallExpression(node) {
        const sql = callSql(node);
        const match = sql ? SELECT_FROM.exec(sql) : null;
        if (!sql || !match || BOUNDED.test(sql) || !runsInRequest(context, node)) return;
        context.report({ node, messageId: "unbounded", data: { table: match[1] ?? "the table" } });
      },
    };
  },
};

export const selectUnboundedCheck: EslintCheck = {
  kind: "eslint",
  id: "select-unbounded",
  criterion: "database",
  description:
    "A request handler, or a function of its file it calls, runs a SELECT with no WHERE and no LIMIT, reading the whole table.",
  defaultLevel: "actionable",
  defersTo: ["list-unbounded"],
  rule,
};
