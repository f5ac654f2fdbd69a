/**
 * The schema that a project's SQL migrations build, read with pgsql-ast-parser: tables, columns, indexes
 * (their leading columns, primary keys and UNIQUE constraints included) and foreign keys, each with the file and
 * line that made it.
 *
 * Why pgsql-ast-parser: it is pure JavaScript and synchronous, so it fits the engine's synchronous checks and
 * installs with no native build and no download. libpg-query / @pgsql/parser (the real parser compiled to WASM)
 * must be loaded asynchronously before the first parse, which the check contract has no place for. Its grammar
 * covers the DDL migrations use (CREATE TABLE / INDEX, ALTER TABLE); a statement it cannot read (a PL/pgSQL
 * function, say) is skipped on its own, and the rest of the file is still read.
 */
import { parse, type Statement } from "pgsql-ast-parser";
import { isSqlMigration } from "../shared/migration-paths.js";
import { lineAt } from "../shared/line-at.js";

export interface Place {
  path: string;
  line: number;
}

export interface ForeignKey extends Place {
  table: string;
  column: string;
  references: string;
}

export interface IndexDef extends Place {
  table: string;
  /** Leading column, lower case (undefined for an expression index such as `lower(email)`). */
  leading?: string;
  /** True for `CREATE INDEX`; false for the index a primary key or UNIQUE constraint brings. */
  explicit?: boolean;
}

export interface NotNullChange extends Place {
  table: string;
  column: string;
  kind: "add column" | "set not null";
  /** True when the same file fills the column first (`UPDATE <table> SET ...`). */
  backfilled: boolean;
}

export interface Schema {
  /** Table name -> columns (lower case), and where the table was created. */
  tables: Map<string, { columns: Set<string>; created: Place }>;
  indexes: IndexDef[];
  foreignKeys: ForeignKey[];
  notNullChanges: NotNullChange[];
  /** Migrations with a statement the parser could not read. */
  unreadable: Place[];
}

type Located = Statement & { _location?: { start: number; end: number } };

/** Splits SQL at top-level semicolons (not in quotes, comments or dollar-quoted bodies), with each piece's offset. */
function splitStatements(sql: string): { text: string; offset: number }[] {
  const pieces: { text: string; offset: number }[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const char = sql[i];
    if (char === "'" || char === '"') {
      const close = sql.indexOf(char, i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else if (char === "-" && sql[i + 1] === "-") {
      const close = sql.indexOf("\n", i);
      i = close < 0 ? sql.length : close + 1;
    } else if (char === "/" && sql[i + 1] === "*") {
      const close = sql.indexOf("*/", i + 2);
      i = close < 0 ? sql.length : close + 2;
    } else if (char === "$" && /^\$\w*\$/.test(sql.slice(i, i + 40))) {
      const tag = /^\$\w*\$/.exec(sql.slice(i, i + 40))?.[0] ?? "$$";
      const close = sql.indexOf(tag, i + tag.length);
      i = close < 0 ? sql.length : close + tag.length;
    } else if (char === ";") {
      pieces.push({ text: sql.slice(start, i + 1), offset: start });
      start = ++i;
    } else i++;
  }
  if (sql.slice(start).trim()) pieces.push({ text: sql.slice(start), offset: start });
  return pieces;
}

/** The statements of a file, each with its line. Unreadable statements are skipped and counted. */
export function parseMigration(content: string): {
  statements: { statement: Statement; line: number }[];
  unreadable: number[];
} {
  const statements: { statement: Statement; line: number }[] = [];
  const unreadable: number[] = [];
  for (const piece of splitStatements(content)) {
    if (
      !piece.text
        .replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, "")
        .trim()
        .replace(/;$/, "")
        .trim()
    )
      continue;
    const leading = piece.text.length - piece.text.trimStart().length;
    try {
      for (const statement of parse(piece.text, { locationTracking: true }) as Located[]) {
        const offset = piece.offset + (statement._location?.start ?? leading);
        // Skip comments before the statement so the line is that of its first keyword.
        const body = content.slice(offset).replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
        statements.push({ statement, line: lineAt(content, content.length - body.length) });
      }
    } catch {
      unreadable.push(lineAt(content, piece.offset + leading));
    }
  }
  return { statements, unreadable };
}

const lower = (name: string | undefined): string => (name ?? "").toLowerCase();

/** Builds the schema from migration files, read in path order (the order migration tools apply them). */
export function readSchema(files: readonly { path: string; content: string }[]): Schema {
  const schema: Schema = { tables: new Map(), indexes: [], foreignKeys: [], notNullChanges: [], unreadable: [] };
  for (const file of [...files]
    .filter((candidate) => isSqlMigration(candidate.path))
    .sort((a, b) => a.path.localeCompare(b.path))) {
    const { statements, unreadable } = parseMigration(file.content);
    for (const line of unreadable) schema.unreadable.push({ path: file.path, line });
    const createdHere = new Set<string>();
    const updatedHere = new Set<string>();
    for (const { statement, line } of statements) {
      const place = { path: file.path, line };
      if (statement.type === "create table") {
        const table = lower(statement.name.name);
        createdHere.add(table);
        const columns = new Set<string>();
        schema.tables.set(table, { columns, created: place });
        for (const column of statement.columns) {
          if (column.kind !== "column") continue;
          const name = lower(column.name.name);
          columns.add(name);
          for (const constraint of column.constraints ?? []) {
            if (constraint.type === "primary key" || constraint.type === "unique")
              schema.indexes.push({ ...place, table, leading: name });
            if (constraint.type === "reference")
              schema.foreignKeys.push({
                ...place,
                table,
                column: name,
                references: lower(constraint.foreignTable.name),
              });
          }
        }
        for (const constraint of statement.constraints ?? []) {
          if ((constraint.type === "primary key" || constraint.type === "unique") && constraint.columns[0])
            schema.indexes.push({ ...place, table, leading: lower(constraint.columns[0].name) });
          if (constraint.type === "foreign key" && constraint.localColumns[0])
            schema.foreignKeys.push({
              ...place,
              table,
              column: lower(constraint.localColumns[0].name),
              references: lower(constraint.foreignTable.name),
            });
        }
      } else if (statement.type === "create index") {
        const first = statement.expressions[0]?.expression;
        schema.indexes.push({
          ...place,
          table: lower(statement.table.name),
          explicit: true,
          ...(first?.type === "ref" ? { leading: lower(first.name) } : {}),
        });
      } else if (statement.type === "update") {
        updatedHere.add(lower(statement.table.name));
      } else if (statement.type === "alter table") {
        const table = lower(statement.table.name);
        for (const change of statement.changes) {
          if (change.type === "add column") {
            const name = lower(change.column.name.name);
            schema.tables.get(table)?.columns.add(name);
            const constraints = change.column.constraints ?? [];
            for (const constraint of constraints) {
              if (constraint.type === "reference")
                schema.foreignKeys.push({
                  ...place,
                  table,
                  column: name,
                  references: lower(constraint.foreignTable.name),
                });
              if (constraint.type === "primary key" || constraint.type === "unique")
                schema.indexes.push({ ...place, table, leading: name });
            }
            const notNull = constraints.some(
              (constraint) => constraint.type === "not null" || constraint.type === "primary key",
            );
            const defaulted = constraints.some(
              (constraint) => constraint.type === "default" || constraint.type === "add generated",
            );
            if (notNull && !defaulted && !createdHere.has(table))
              schema.notNullChanges.push({ ...place, table, column: name, kind: "add column", backfilled: false });
          } else if (change.type === "add constraint") {
            const constraint = change.constraint;
            if (constraint.type === "foreign key" && constraint.localColumns[0])
              schema.foreignKeys.push({
                ...place,
                table,
                column: lower(constraint.localColumns[0].name),
                references: lower(constraint.foreignTable.name),
              });
            if ((constraint.type === "primary key" || constraint.type === "unique") && constraint.columns[0])
              schema.indexes.push({ ...place, table, leading: lower(constraint.columns[0].name) });
          } else if (
            change.type === "alter column" &&
            change.alter.type === "set not null" &&
            !createdHere.has(table)
          ) {
            schema.notNullChanges.push({
              ...place,
              table,
              column: lower(change.column.name),
              kind: "set not null",
              backfilled: updatedHere.has(table),
            });
          }
        }
      }
    }
  }
  return schema;
}

/** True when some index (primary key and UNIQUE included) on `table` starts with `column`. */
export function hasLeadingIndex(schema: Schema, table: string, column: string): boolean {
  return schema.indexes.some((index) => index.table === table && index.leading === column);
}

const cache = new WeakMap<object, { signature: string; schema: Schema }>();

/**
 * The schema of the migrations a review can see (its related files, then its changed files), read once per review:
 * the migration checks share it through the review's related-files array.
 */
export function schemaOf(context: {
  files: readonly { path: string; content: string; status?: string }[];
  relatedFiles: readonly { path: string; content: string }[];
}): Schema {
  const contents = new Map<string, string>();
  for (const file of context.relatedFiles) if (isSqlMigration(file.path)) contents.set(file.path, file.content);
  for (const file of context.files)
    if (isSqlMigration(file.path) && file.status !== "removed") contents.set(file.path, file.content);
  const files = [...contents].map(([path, content]) => ({ path, content }));
  const signature = files.map((file) => `${file.path}:${file.content.length}`).join("|");
  const hit = cache.get(context.relatedFiles);
  if (hit && hit.signature === signature) return hit.schema;
  const schema = readSchema(files);
  cache.set(context.relatedFiles, { signature, schema });
  return schema;
}
