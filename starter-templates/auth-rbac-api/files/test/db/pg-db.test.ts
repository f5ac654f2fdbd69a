import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgDb } from "../../src/db/pg-db.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

describe("createPgDb", () => {
  it("connects lazily and reports an unreachable server on the first query", async () => {
    // Port 1 on localhost is never a PostgreSQL server.
    const db = createPgDb("postgres://postgres@127.0.0.1:1/none");
    await expect(db.query("SELECT 1")).rejects.toThrow(/ECONNREFUSED|connect/);
    await db.close();
  });
});

// The same contract for whichever database the tests use: PGlite, or PostgreSQL with DATABASE_URL.
describe("the test database", () => {
  let testDb: TestDb;

  beforeAll(async () => {
    testDb = await createTestDb();
    await testDb.db.exec("CREATE TABLE counters (name text PRIMARY KEY, value int NOT NULL)");
  });

  afterAll(async () => {
    await testDb.dispose();
  });

  it("commits what a transaction wrote when it resolves", async () => {
    await testDb.db.transaction(async (tx) => {
      await tx.query("INSERT INTO counters (name, value) VALUES ($1, $2)", ["kept", 1]);
    });
    expect(await testDb.db.query("SELECT value FROM counters WHERE name = $1", ["kept"])).toEqual([{ value: 1 }]);
  });

  it("rolls back everything a transaction wrote when it throws", async () => {
    const attempt = testDb.db.transaction(async (tx) => {
      await tx.query("INSERT INTO counters (name, value) VALUES ($1, $2)", ["dropped", 1]);
      await tx.query("INSERT INTO counters (name, value) VALUES ($1, $2)", ["dropped", 2]);
    });
    await expect(attempt).rejects.toThrow(/duplicate key/);
    expect(await testDb.db.query("SELECT value FROM counters WHERE name = $1", ["dropped"])).toEqual([]);
  });

  it("treats parameters as values, never as SQL", async () => {
    const sneaky = "x'); DROP TABLE counters; --";
    await testDb.db.query("INSERT INTO counters (name, value) VALUES ($1, $2)", [sneaky, 3]);
    expect(await testDb.db.query("SELECT name FROM counters WHERE value = $1", [3])).toEqual([{ name: sneaky }]);
  });
});
