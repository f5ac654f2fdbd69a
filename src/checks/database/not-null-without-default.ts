/**
 * not-null-without-default: a migration makes a column of an existing table `NOT NULL` (`ADD COLUMN ... NOT NULL`
 * with no `DEFAULT`, or `ALTER COLUMN ... SET NOT NULL` with no backfill before it in the same file). On a table with
 * rows it fails in production (it passed locally on an empty table) or, worse, locks the table while it checks.
 */
import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import { schemaOf } from "./migration-schema.js";

export const notNullWithoutDefaultCheck: FunctionCheck = {
  kind: "function",
  id: "not-null-without-default",
  criterion: "database",
  description: "A migration adds NOT NULL to a column of an existing table without a default or a backfill.",
  defaultLevel: "essential",
  languages: ["text"],
  run(context) {
    const schema = schemaOf(context);
    const changed = new Set(context.files.filter((file) => file.status !== "removed").map((file) => file.path));
    const findings: RawFinding[] = [];
    for (const change of schema.notNullChanges) {
      if (!changed.has(change.path) || change.backfilled) continue;
      const fix =
        change.kind === "add column"
          ? `give it a default (\`ADD COLUMN ${change.column} ... NOT NULL DEFAULT ...\`), or add it nullable, fill it with an \`UPDATE\`, then \`SET NOT NULL\` in a later migration`
          : `fill the existing rows first (\`UPDATE ${change.table} SET ${change.column} = ... WHERE ${change.column} IS NULL;\` before this line), or add a \`DEFAULT\``;
      findings.push({
        messageId: change.kind === "add column" ? "addColumn" : "setNotNull",
        path: change.path,
        line: change.line,
        message:
          `\`${change.table}.${change.column}\` becomes NOT NULL on a table that already has rows: ${fix}. ` +
          "On your empty development database it passes; in production, where rows exist, the migration fails and the deploy with it. " +
          "See https://www.postgresql.org/docs/current/sql-altertable.html",
      });
    }
    return findings;
  },
};
