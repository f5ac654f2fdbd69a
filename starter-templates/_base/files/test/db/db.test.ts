import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { createTestDb } from "../helpers/test-db.js";

describe("Db (the engine chosen by DATABASE_URL)", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDb();
    await db.exec("CREATE TABLE counters (name text PRIMARY KEY, value int NOT NULL)");
  });

  beforeEach(async () => {
    await db.query("DELETE FROM counters");
  });

  afterAll(async () => {
    await db.close();
  });

  it("passes parameters separately from the SQL text", async () => {
    const hostile = "x'); DROP TABLE counters; --";
    await db.query("INSERT INTO counters (name, value) VALUES ($1, $2)", [hostile, 1]);
    expect(await db.query("SELECT name, value FROM counters")).toEqual([{ name: hostile, value: 1 }]);
  });

  it("commits a transaction whose callback resolves", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO counters (name, value) VALUES ('a', 1)");
      return "done";
    });
    expect(result).toBe("done");
    expect(await db.query("SELECT name FROM counters")).toEqual([{ name: "a" }]);
  });

  it("rolls back a transaction whose callback throws", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query("INSERT INTO counters (name, value) VALUES ('b', 1)");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await db.query("SELECT name FROM counters")).toEqual([]);
  });
});
