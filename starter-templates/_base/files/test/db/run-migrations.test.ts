import { describe, expect, it } from "vitest";
import { runMigrations } from "../../src/db/run-migrations.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";

describe("runMigrations", () => {
  it("applies every migration once, then reports the database up to date", async () => {
    // NODE_ENV=test: a template whose configuration has production rules (a JWT secret) lets tests run without them.
    const env = { NODE_ENV: "test", PGLITE_DATA_DIR: freshPgliteDataDir("run-migrations-") };
    const capture = createLogCapture();
    const logger = createLogger("info", capture);

    const first = await runMigrations(env, logger);
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((name) => name.endsWith(".sql"))).toBe(true);
    expect(await runMigrations(env, logger)).toEqual([]);
    expect(capture.lines.map((line) => line.msg)).toContain("Database is up to date");
  });
});
