import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { runExplain } from "../../src/reports/run-explain.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";

describe("runExplain", () => {
  it("prints the plan of the report for the given months", async () => {
    const env = { PGLITE_DATA_DIR: freshPgliteDataDir("run-explain-") };
    const plan = await runExplain(["--from", "2025-01", "--to", "2025-02"], env, createLogger("silent"));
    expect(plan).toMatch(/Execution Time/);
  });

  it("logs the usage when the months are missing", async () => {
    const capture = createLogCapture();
    expect(await runExplain(["--from", "2025-01"], { PGLITE_DATA_DIR: "/nonexistent/never-created" }, createLogger("info", capture))).toBeUndefined();
    expect(capture.lines[0]).toMatchObject({ msg: expect.stringContaining("npm run explain") });
  });
});
