import { describe, expect, it } from "vitest";
import { runSeed } from "../../src/db/run-seed.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";

describe("runSeed", () => {
  it("migrates and seeds the configured database at the given scale", async () => {
    const env = { PGLITE_DATA_DIR: freshPgliteDataDir("run-seed-") };
    const counts = await runSeed(["--scale", "0.001"], env, createLogger("silent"));
    expect(counts).toMatchObject({ authors: 1, books: 5, customers: 10, orders: 100 });
  });

  it("refuses a scale that is not a positive number, without touching the database", async () => {
    const capture = createLogCapture();
    expect(await runSeed(["--scale", "lots"], { PGLITE_DATA_DIR: "/nonexistent/never-created" }, createLogger("info", capture))).toBeUndefined();
    expect(capture.lines[0]).toMatchObject({ msg: expect.stringContaining("--scale"), scale: "lots" });
  });
});
