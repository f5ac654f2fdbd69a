import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./db.js";

export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations", import.meta.url));

const MIGRATION_FILE = /^\d{3}_[a-z0-9_-]+\.sql$/;

/**
 * A migration whose first line is this comment runs outside a transaction. PostgreSQL refuses some
 * statements inside one, `CREATE INDEX CONCURRENTLY` above all (it builds an index without blocking writes).
 * Such a file must hold one statement: PostgreSQL runs a script of several as one implicit transaction.
 */
export const NO_TRANSACTION_MARKER = "-- migrate:no-transaction";

/** True unless the migration's first line is NO_TRANSACTION_MARKER. */
export function runsInTransaction(sql: string): boolean {
  return sql.trimStart().split("\n", 1)[0]?.trim() !== NO_TRANSACTION_MARKER;
}

async function appliedMigrations(db: Db): Promise<Set<string>> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const rows = await db.query<{ name: string }>("SELECT name FROM schema_migrations");
  return new Set(rows.map((row) => row.name));
}

/**
 * Applies the SQL files of `directory` that have not run yet, in file-name order, each in its own
 * transaction (or none, see NO_TRANSACTION_MARKER), and records them in `schema_migrations`. Returns the
 * names it applied. A migration without a transaction is recorded only after it succeeded; when it fails
 * half-way (a concurrent index build leaves an INVALID index behind), fix the cause and clean up by hand.
 */
export async function migrate(db: Db, directory: string = MIGRATIONS_DIR): Promise<string[]> {
  const applied = await appliedMigrations(db);
  const pending = (await readdir(directory))
    .filter((name) => MIGRATION_FILE.test(name) && !applied.has(name))
    .sort();

  for (const name of pending) {
    const sql = await readFile(join(directory, name), "utf8");
    if (!runsInTransaction(sql)) {
      await db.exec(sql);
      await db.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
      continue;
    }
    await db.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query("INSERT INTO schema_migrations (name) VALUES ($1)", [name]);
    });
  }
  return pending;
}
