import { randomBytes } from "node:crypto";
import type { Db } from "../../src/db/db.js";
import { migrate } from "../../src/db/migrate.js";
import { createPgDb } from "../../src/db/pg-db.js";
import { createPgliteDb } from "../../src/db/pglite-db.js";

/** A name no other test database has: test_ and 12 random hex digits. */
function newSchemaName(): string {
  return `test_${randomBytes(6).toString("hex")}`;
}

/**
 * One in-memory PGlite for every test file this worker runs (vitest.config.ts sets `isolate: false`, so
 * the module, and this promise, outlive one file). Starting PGlite takes seconds; a schema takes milliseconds.
 */
let sharedPglite: Promise<Db> | undefined;
/** The schema the shared PGlite's one session points at now (its `search_path`). */
let currentSchema: string | undefined;

/**
 * The shared PGlite seen through `schema`: every call first points the session's search_path at it
 * (PGlite has one session, so the last schema used wins). Two test databases used at the same moment
 * (interleaved awaits on both) could see each other's search_path; a test file uses one at a time.
 */
function pgliteSchemaDb(pglite: Db, schema: string): Db {
  async function use(): Promise<void> {
    if (currentSchema === schema) return;
    await pglite.exec(`SET search_path TO ${schema}`);
    currentSchema = schema;
  }
  return {
    async query(sql, params) {
      await use();
      return pglite.query(sql, params);
    },
    async exec(sql) {
      await use();
      await pglite.exec(sql);
    },
    async transaction(fn) {
      await use();
      return pglite.transaction(fn);
    },
    async close() {
      await pglite.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`);
      currentSchema = undefined;
    },
  };
}

/**
 * A fresh, empty database: a new schema (test_<random>), dropped again by `close()`. With DATABASE_URL set
 * the schema is on that server, so several runs can share one database; otherwise it is on this worker's
 * shared in-memory PGlite.
 */
export async function createEmptyTestDb(): Promise<Db> {
  const schema = newSchemaName();
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    sharedPglite ??= createPgliteDb();
    const pglite = await sharedPglite;
    await pglite.exec(`CREATE SCHEMA ${schema}`);
    return pgliteSchemaDb(pglite, schema);
  }

  const admin = createPgDb(databaseUrl);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = createPgDb(databaseUrl, { searchPath: schema });
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** A fresh database with the project's migrations applied, for one test file (see createEmptyTestDb). */
export async function createTestDb(): Promise<Db> {
  const db = await createEmptyTestDb();
  await migrate(db);
  return db;
}
