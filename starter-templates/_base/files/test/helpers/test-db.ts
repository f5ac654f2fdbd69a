import { randomBytes } from "node:crypto";
import type { Db } from "../../src/db/db.js";
import { migrate } from "../../src/db/migrate.js";
import { createPgDb } from "../../src/db/pg-db.js";
import { createPgliteDb } from "../../src/db/pglite-db.js";

/**
 * A fresh, migrated database for one test file. With DATABASE_URL set it is a new schema
 * (test_<random>) on that server, dropped again by `close()`, so several runs can share one
 * database; otherwise it is an in-memory PGlite.
 */
export async function createTestDb(): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const db = await createPgliteDb();
    await migrate(db);
    return db;
  }

  const schema = `test_${randomBytes(6).toString("hex")}`;
  const admin = createPgDb(databaseUrl);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb(databaseUrl, { searchPath: schema });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
