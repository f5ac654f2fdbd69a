import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { createPgliteDb } from "../../src/db/pglite-db.js";

describe("createPgliteDb", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createPgliteDb();
    await db.exec("CREATE TABLE items (name text PRIMARY KEY); CREATE TABLE other (id int)");
  });

  afterAll(async () => {
    await db.close();
  });

  it("runs parameterised queries and returns rows", async () => {
    await db.query("INSERT INTO items (name) VALUES ($1), ($2)", ["a", "b"]);
    const rows = await db.query<{ name: string }>("SELECT name FROM items WHERE name = $1", ["b"]);
    expect(rows).toEqual([{ name: "b" }]);
  });

  it("commits a transaction that resolves", async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query("INSERT INTO items (name) VALUES ($1)", ["committed"]);
      return "done";
    });
    expect(result).toBe("done");
    expect(await db.query("SELECT name FROM items WHERE name = $1", ["committed"])).toHaveLength(1);
  });

  it("rolls back a transaction that throws", async () => {
    const attempt = db.transaction(async (tx) => {
      await tx.exec("INSERT INTO items (name) VALUES ('rolled-back')");
      throw new Error("stop");
    });
    await expect(attempt).rejects.toThrow("stop");
    expect(await db.query("SELECT name FROM items WHERE name = $1", ["rolled-back"])).toEqual([]);
  });
});
