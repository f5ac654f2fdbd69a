import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/create-db.js";

describe("createDb", () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "create-db-"));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("uses the embedded database in dataDir when no DATABASE_URL is set", async () => {
    const dataDir = join(dir, "data");
    const db = await createDb({ databaseUrl: undefined, dataDir });
    try {
      expect(await db.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
      expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("uses node-postgres when DATABASE_URL is set", async () => {
    const db = await createDb({ databaseUrl: "postgres://postgres@127.0.0.1:1/none", dataDir: join(dir, "unused") });
    await expect(db.query("SELECT 1")).rejects.toThrow(/ECONNREFUSED|connect/);
    await db.close();
    expect(existsSync(join(dir, "unused"))).toBe(false);
  });
});
