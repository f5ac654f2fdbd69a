import { describe, expect, it } from "vitest";
import { createDb } from "../../src/db/create-db.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";

describe("createDb", () => {
  it("opens the embedded database when DATABASE_URL is not set, and says so", async () => {
    const capture = createLogCapture();
    const dataDir = freshPgliteDataDir("create-db-");
    const db = await createDb({ databaseUrl: undefined, pgliteDataDir: dataDir }, createLogger("info", capture));
    expect(await db.query("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(capture.lines[0]).toMatchObject({ msg: expect.stringContaining("PGlite"), dataDir });
    await db.close();
  });

  it("connects to the server named by DATABASE_URL", async () => {
    const capture = createLogCapture();
    const db = await createDb(
      { databaseUrl: "postgres://nobody@127.0.0.1:9/none", pgliteDataDir: "unused" },
      createLogger("info", capture),
    );
    await expect(db.query("SELECT 1")).rejects.toThrow(/ECONNREFUSED/);
    expect(capture.lines[0]).toMatchObject({ msg: "Using PostgreSQL from DATABASE_URL" });
    await db.close();
  });
});
