import { describe, expect, it } from "vitest";
import { createPgDb } from "../../src/db/pg-db.js";

describe("createPgDb", () => {
  it("rejects queries with the connection error when the server cannot be reached", async () => {
    // Port 9 (discard) has no PostgreSQL server listening, so the connection is refused.
    const db = createPgDb("postgres://nobody@127.0.0.1:9/none");
    await expect(db.query("SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
    await db.close();
  });
});
