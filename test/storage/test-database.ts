import { randomBytes } from "node:crypto";
import { historyStore, type HistoryStore } from "../../src/storage/history-store.js";
import { migrate } from "../../src/storage/migrate.js";
import { pgClient } from "../../src/storage/pg-client.js";
import { pgliteClient } from "../../src/storage/pglite-client.js";
import type { SqlClient } from "../../src/storage/sql-client.js";

/** The real PostgreSQL for data-layer tests, when APPRENTICE_TEST_DATABASE_URL is set (CI sets it). */
export const TEST_DATABASE_URL = process.env.APPRENTICE_TEST_DATABASE_URL;
if (!TEST_DATABASE_URL)
  console.info("APPRENTICE_TEST_DATABASE_URL is not set: history tests run on embedded PGlite only");

export const DATABASES = TEST_DATABASE_URL ? (["pglite", "postgres"] as const) : (["pglite"] as const);

/** A fresh, migrated database: in-memory PGlite, or a schema of its own on the test PostgreSQL (dropped by `drop`). */
export async function freshDatabase(
  kind: "pglite" | "postgres",
): Promise<{ db: SqlClient; store: HistoryStore; drop(): Promise<void> }> {
  if (kind === "pglite") {
    const db = await pgliteClient();
    await migrate(db);
    return { db, store: historyStore(db), drop: () => db.close() };
  }
  const schema = `apprentice_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  const db = await pgClient(TEST_DATABASE_URL ?? "", schema);
  await migrate(db);
  return {
    db,
    store: historyStore(db),
    async drop() {
      await db.exec(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
    },
  };
}
