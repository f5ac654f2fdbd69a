/**
 * fk-without-index: a foreign-key column with no index that starts with it. PostgreSQL indexes the referenced
 * side (the primary key) but not the referencing column, so "the rows of parent 7" and every delete of a parent
 * read the whole child table. Also praises a migration that adds the index with its foreign key.
 */
import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { hasLeadingIndex, schemaOf } from "./migration-schema.js";

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
