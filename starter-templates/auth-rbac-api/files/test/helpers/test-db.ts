import { randomBytes } from "node:crypto";
import type { Db } from "../../src/db/db.js";
import { migrate } from "../../src/db/migrate.js";
import { createPgDb } from "../../src/db/pg-db.js";
import { createPgliteDb } from "../../src/db/pglite-db.js";

export interface TestDb {
  db: Db;
  /** Which database the tests run against, for messages. */
  kind: "postgresql" | "embedded";
  dispose(): Promise<void>;
}

/**
 * A migrated, empty database for one test file. With DATABASE_URL set it is a fresh schema
 * (`test_<random>`) on that server, dropped afterwards, so several runs can share one database;
 * otherwise an in-memory PGlite.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env["DATABASE_URL"];
  if (url === undefined || url === "") {
    const db = await createPgliteDb();
    await migrate(db);
    return { db, kind: "embedded", dispose: () => db.close() };
  }
  const schema = `test_${randomBytes(8).toString("hex")}`;
  const admin = createPgDb(url);
  // A schema name cannot be a query parameter; this one is made of hex digits only.
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb(url, { schema });
  await migrate(db);
  return {
    db,
    kind: "postgresql",
    async dispose() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}
