import { describe, expect, it } from "vitest";
import { runServer } from "./helpers/start-server.js";

describe("starting the server with a bad environment", () => {
  it("stops with exit code 1 and one line naming the variable, not a stack trace", async () => {
    const run = await runServer({ PORT: "eighty", LOG_LEVEL: "silent" });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^Cannot start: .*PORT: /);
    expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  }, 60_000);
});
