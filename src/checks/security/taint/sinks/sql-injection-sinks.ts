/**
 * SQL injection: a query text built from input reaching pg, mysql2, sqlite, knex raw APIs, sequelize
 * `query`/`literal`, TypeORM `query` and query-builder conditions, or Prisma's `*Unsafe` raw APIs.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, chainHasCall, receiverOf, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { sqlPlaceholderFix } from "./sql-placeholder-fix.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const SQL_TEXT =
  /\b(select\s[\s\S]*\bfrom|insert\s+into|update\s+\S+\s+set|delete\s+from|where\s|order\s+by|group\s+by|values\s*\(|drop\s+table|create\s+table|limit\s)/i;
/** Raw-SQL APIs whose first argument is always SQL. */
const RAW_APIS = new Set([
  "raw",
  "whereRaw",
  "orWhereRaw",
  "andWhereRaw",
  "havingRaw",
  "orHavingRaw",
  "orderByRaw",
  "groupByRaw",
  "joinRaw",
  "fromRaw",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
  "$queryRaw",
  "$executeRaw",
  "literal",
  "unsafe",
]);
/** Methods that run SQL when given SQL text. */
const QUERY_APIS = new Set([
  "query",
  "execute",
  "run",
  "all",
  "get",
  "exec",
  "prepare",
  "each",
  "many",
  "one",
  "none",
  "any",
  "oneOrNone",
  "manyOrNone",
  "result",
  "querySync",
]);
const DB_RECEIVER =
  /(db|pool|client|conn|connection|sequelize|knex|database|sql|pg|mysql|manager|source|runner|repo|repository|prisma|tx|trx|sqlite)/i;
const BUILDER_APIS = new Set([
  "where",
  "andWhere",
  "orWhere",
  "having",
  "andHaving",
  "orHaving",
  "orderBy",
  "addOrderBy",
  "select",
  "addSelect",
  "groupBy",
]);

function kindOf(argument: Node): string {
  const inner = unwrap(argument);
  if (inner.type === "TemplateLiteral") return "SQL template";
  if (inner.type === "BinaryExpression") return "SQL concatenation";
  return "SQL text";
}

export function findSqlInjection(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression") return [];
  const call = node as TSESTree.CallExpression;
  const name = calleeName(call);
  const [first] = call.arguments;
  if (!name || !first || first.type === "SpreadElement") return [];
  const receiver = receiverOf(call);
  // pg's query config object: { text, values }; mysql's { sql, values }
  const textProperty = findProperty(unwrap(first), "text") ?? findProperty(unwrap(first), "sql");
  const queried = textProperty ? textProperty.value : unwrap(first).type === "ObjectExpression" ? undefined : first;
  if (!queried) return [];
  const value = analyzer.value(queried);
  const taint = dangerous(value, "sql-injection");
  if (!taint) return [];
  const looksLikeSql = SQL_TEXT.test(value.text);
  let isSink = false;
  if (RAW_APIS.has(name)) isSink = name !== "literal" || /sequelize/i.test(rootName(call.callee) ?? "") || looksLikeSql;
  else if (QUERY_APIS.has(name))
    isSink =
      looksLikeSql ||
      ((name === "query" || name === "execute") &&
        receiver !== undefined &&
        DB_RECEIVER.test(analyzer.text(receiver)) &&
        !/^(req|request|ctx)\b/.test(analyzer.text(receiver)));
  else if (BUILDER_APIS.has(name) && receiver)
    isSink = chainHasCall(receiver, "createQueryBuilder") && (looksLikeSql || /[=<>]|\blike\b/i.test(value.text));
  if (!isSink) return [];
  const sink = `${kindOf(queried)} in ${calleeLabel(analyzer, call)}()`;
  const fix = sqlPlaceholderFix(call, analyzer);
  return [{ category: "sql-injection", node: queried, sink, taint, ...(fix ? { fix } : {}) }];
}
