import { MIGRATIONS, type Migration } from "./migrations.js";
import type { SqlClient } from "./sql-client.js";

/**
 * Brings the schema up to date: each pending migration in its own transaction, recorded in
 * `apprentice_migrations`, under a transaction-scoped advisory lock so workers starting together
 * apply each migration once.
 *
 * A small runner of our own because the well-kept runners (node-pg-migrate, Knex, Drizzle's migrator)
 * each bind to one driver: none runs unchanged over both a `pg` pool and PGlite, and the schema here
 * is a few plain SQL steps.
 */
export async function migrate(db: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS apprentice_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock(7250331)");
      const rows = await tx.query("SELECT 1 FROM apprentice_migrations WHERE version = $1", [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query("INSERT INTO apprentice_migrations (version, name) VALUES ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
