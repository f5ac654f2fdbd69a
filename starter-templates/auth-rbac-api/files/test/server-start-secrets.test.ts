import { describe, expect, it } from "vitest";
import { runServer } from "./helpers/start-server.js";

const GOOD_SECRET = "k".repeat(48);

/** `npm start` with a missing or weak secret must not start: one line on stderr, exit code 1. */
function expectOneLineRefusal(run: { code: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr.trim().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  expect(run.stdout).not.toMatch(/listening/);
}

describe("starting the server without safe secrets", () => {
  it("refuses to start without JWT_SECRET, and with no NODE_ENV applies the production rules", async () => {
    expectOneLineRefusal(await runServer({}), /^Cannot start: JWT_SECRET is not set \(environment: production\)/);
  }, 60_000);

  it("refuses a JWT_SECRET shorter than 32 characters", async () => {
    const run = await runServer({ NODE_ENV: "development", JWT_SECRET: "too-short-secret" });
    expectOneLineRefusal(run, /^Cannot start: Invalid environment: JWT_SECRET: use at least 32/);
    expect(run.stderr).not.toContain("too-short-secret");
  }, 60_000);

  it("refuses a BCRYPT_COST below 10 in production", async () => {
    expectOneLineRefusal(await runServer({ JWT_SECRET: GOOD_SECRET, BCRYPT_COST: "8" }), /^Cannot start: BCRYPT_COST=8 /);
  }, 60_000);
});
