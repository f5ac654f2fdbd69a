/**
 * fk-without-index: a foreign-key column with no index that starts with it. PostgreSQL indexes the referenced
 * side (the primary key) but not the referencing column, so "the rows of parent 7" and every delete of a parent
 * read the whole child table. Also praises a migration that adds the index with its foreign key.
 */
import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { knownContents } from "../shared/known-contents.js";
import { isSqlMigration } from "../shared/migration-paths.js";
import { hasLeadingIndex, schemaOf } from "./migration-schema.js";

/** MySQL and MariaDB syntax in a migration: `AUTO_INCREMENT`, `ENGINE=InnoDB`, `INT UNSIGNED`, backquoted names. */
const MYSQL_SYNTAX = /\bAUTO_INCREMENT\b|\bENGINE\s*=|\bUNSIGNED\b|`\w+`/i;
/** A MySQL driver among package.json's dependencies. */
const MYSQL_DRIVER = /"(mysql2?|mariadb)"\s*:/;

/**
 * True when the project's database is MySQL or MariaDB: InnoDB creates an index on every foreign-key column by
 * itself, so the advice (written for PostgreSQL, which does not) would only add a second, redundant index.
 */
function usesMysql(context: Parameters<FunctionCheck["run"]>[0]): boolean {
  for (const [path, content] of knownContents(context)) {
    if (isSqlMigration(path) && MYSQL_SYNTAX.test(content)) return true;
    if (/(^|\/)package\.json$/.test(path) && MYSQL_DRIVER.test(content) && !/"(pg|postgres)"\s*:/.test(content))
      return true;
  }
  return false;
}

export const fkWithoutIndexCheck: FunctionCheck = {
  kind: "function",
  id: "fk-without-index",
  criterion: "database",
  description: "A migration adds a foreign-key column with no index on it.",
  defaultLevel: "actionable",
  languages: ["text"],
  run(context) {
    const schema = schemaOf(context);
    const changed = new Set(context.files.filter((file) => file.status !== "removed").map((file) => file.path));
    const findings: RawFinding[] = [];
    if (schema.foreignKeys.length === 0 || usesMysql(context)) return findings;
    for (const key of schema.foreignKeys) {
      if (!changed.has(key.path)) continue;
      const index = schema.indexes.find(
        (candidate) => candidate.table === key.table && candidate.leading === key.column,
      );
      if (!hasLeadingIndex(schema, key.table, key.column)) {
        findings.push({
          messageId: "missingIndex",
          path: key.path,
          line: key.line,
          message:
            `Add an index on \`${key.table} (${key.column})\` in this migration: \`CREATE INDEX ${key.table}_${key.column}_idx ON ${key.table} (${key.column});\`. ` +
            `PostgreSQL indexes \`${key.references}\`'s key but not the column that points at it, so looking up the ${key.table} of one ` +
            `${key.references} row, and every delete from \`${key.references}\`, reads the whole \`${key.table}\` table. ` +
            "See https://www.cybertec-postgresql.com/en/index-your-foreign-key/",
        });
      } else if (index?.explicit && index.path === key.path) {
        findings.push({
          messageId: "indexedKey",
          level: "celebratory",
          path: index.path,
          line: index.line,
          message: `Good: the foreign key \`${key.table}.${key.column}\` comes with its index, so joins on it and deletes from \`${key.references}\` stay fast. See https://www.cybertec-postgresql.com/en/index-your-foreign-key/`,
        });
      }
    }
    return findings;
  },
};
