/**
 * column-unindexed: a query in the code filters (`WHERE`) or sorts (`ORDER BY`) a table only by columns that no
 * index starts with, where the project's migrations show the table. The SQL is read from the string and template
 * literals of the changed files and parsed with pgsql-ast-parser (see migration-schema.ts for why that parser).
 * A query that also filters on an indexed column (the primary key, say) is left alone: that index already
 * narrows the rows.
 */
import { parse } from "pgsql-ast-parser";
import type { FunctionCheck, SourceFile } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { hasLeadingIndex, schemaOf, type Schema } from "./migration-schema.js";
import { lineAt } from "../shared/line-at.js";

const LITERAL = /`((?:[^`\\]|\\[\s\S])*)`|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'/g;
const QUERY = /^\s*(SELECT|UPDATE|DELETE|WITH)\b[\s\S]*\b(WHERE|ORDER\s+BY)\b/i;

interface Ref {
  table?: string;
  column: string;
  clause: "WHERE" | "ORDER BY";
}

/** Column references under an expression. */
function refsIn(node: unknown, clause: Ref["clause"], out: Ref[]): void {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) refsIn(item, clause, out);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === "ref" && typeof record.name === "string" && record.name !== "*") {
    const table = (record.table as { name?: string } | undefined)?.name;
    out.push({ column: record.name.toLowerCase(), clause, ...(table ? { table: table.toLowerCase() } : {}) });
    return;
  }
  if (record.type === "select" || record.type === "union") return; // a subquery has its own tables
  for (const [key, value] of Object.entries(record)) if (key !== "_location") refsIn(value, clause, out);
}

/** Tables a statement reads, by alias and by name. */
function tablesOf(statement: Record<string, unknown>): Map<string, string> {
  const tables = new Map<string, string>();
  const add = (entry: unknown) => {
    const name = (entry as { name?: { name?: string; alias?: string } } | undefined)?.name;
    if (!name?.name) return;
    tables.set(name.name.toLowerCase(), name.name.toLowerCase());
    if (name.alias) tables.set(name.alias.toLowerCase(), name.name.toLowerCase());
  };
  if (statement.type === "select")
    for (const entry of (statement.from as unknown[] | undefined) ?? [])
      if ((entry as { type?: string }).type === "table") add(entry);
  if (statement.type === "update" || statement.type === "delete") add({ name: statement.table ?? statement.from });
  return tables;
}

function unindexedRef(
  statement: Record<string, unknown>,
  schema: Schema,
): { table: string; column: string; clause: string } | undefined {
  const tables = tablesOf(statement);
  const refs: Ref[] = [];
  refsIn(statement.where, "WHERE", refs);
  for (const order of (statement.orderBy as { by: unknown }[] | undefined) ?? []) refsIn(order.by, "ORDER BY", refs);
  const byTable = new Map<string, Ref[]>();
  const names = new Set(tables.values());
  for (const ref of refs) {
    const table = ref.table
      ? tables.get(ref.table)
      : names.size === 1
        ? [...names][0]
        : [...names].find((name) => schema.tables.get(name)?.columns.has(ref.column));
    if (!table || !schema.tables.get(table)?.columns.has(ref.column)) continue;
    byTable.set(table, [...(byTable.get(table) ?? []), ref]);
  }
  for (const [table, tableRefs] of byTable) {
    if (tableRefs.some((ref) => hasLeadingIndex(schema, table, ref.column))) continue;
    const first = tableRefs.find((ref) => ref.clause === "WHERE") ?? tableRefs[0];
    if (first) return { table, column: first.column, clause: first.clause };
  }
  return undefined;
}

/** Every SELECT, UPDATE and DELETE in the statements: CTEs (`WITH ... AS (...)`) and subqueries included. */
function queriesIn(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (!node || typeof node !== "object") return out;
  if (Array.isArray(node)) {
    for (const item of node) queriesIn(item, out);
    return out;
  }
  const record = node as Record<string, unknown>;
  if (record.type === "select" || record.type === "update" || record.type === "delete") out.push(record);
  for (const [key, value] of Object.entries(record)) if (key !== "_location") queriesIn(value, out);
  return out;
}

function findingsIn(file: SourceFile, schema: Schema): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const match of file.content.matchAll(LITERAL)) {
    const text = match[1] ?? match[2] ?? match[3] ?? "";
    if (!QUERY.test(text)) continue;
    let statements;
    try {
      statements = parse(text.replace(/\$\{[^}]*\}/g, "$1"));
    } catch {
      continue;
    }
    for (const body of queriesIn(statements)) {
      const found = unindexedRef(body, schema);
      if (!found) continue;
      const created = schema.tables.get(found.table)?.created;
      findings.push({
        messageId: "unindexed",
        path: file.path,
        line: lineAt(file.content, match.index ?? 0),
        message:
          `This query's \`${found.clause}\` uses \`${found.table}.${found.column}\`, and no index on \`${found.table}\` starts with it ` +
          `(the table is created in ${created?.path ?? "the migrations"}). Check with \`EXPLAIN (ANALYZE, BUFFERS)\`: once the table grows, ` +
          `a \`Seq Scan\` reads every row. Add an index in a new migration, e.g. \`CREATE INDEX ${found.table}_${found.column}_idx ON ${found.table} (${found.column});\` ` +
          "(a composite or partial one if the query also filters on other columns). See https://use-the-index-luke.com/sql/where-clause",
      });
    }
  }
  return findings;
}

export const columnUnindexedCheck: FunctionCheck = {
  kind: "function",
  id: "column-unindexed",
  criterion: "database",
  description:
    "A query filters or sorts a table by a column no index starts with, where the migrations show the table.",
  defaultLevel: "actionable",
  languages: ["js", "text"],
  run(context) {
    const schema = schemaOf(context);
    if (schema.tables.size === 0) return [];
    return context.files
      .filter((file) => file.language === "js" && file.status !== "removed" && !isTestPath(file.path))
      .flatMap((file) => findingsIn(file, schema));
  },
};
