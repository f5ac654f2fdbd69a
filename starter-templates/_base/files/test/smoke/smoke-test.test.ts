import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import helmet from "helmet";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { notFoundHandler } from "../../src/errors/not-found-handler.js";
import { errorHandler } from "../../src/errors/error-handler.js";
import { healthRouter } from "../../src/health/health-router.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { runSmokeTest } from "./smoke-test.js";

/** A database that answers `SELECT 1` (or fails), so the smoke test's own test needs no database. */
function fakeDb(answers: boolean): Db {
  const query = async () => {
    if (!answers) throw new Error("connection refused");
    return [];
  };
  return { query, exec: async () => undefined, transaction: async (fn) => fn({ query, exec: async () => undefined }), close: async () => undefined };
}

let server: Server | undefined;

async function serve(db: Db): Promise<string> {
  const app = express();
  app.disable("x-powered-by");
  app.use(helmet());
  app.use(createRequestLogger(createLogger("silent")));
  app.use(healthRouter(db));
  app.use(notFoundHandler);
  app.use(errorHandler);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe("runSmokeTest", () => {
  it("passes every check against a healthy server", async () => {
    const checks = await runSmokeTest(await serve(fakeDb(true)));
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    expect(checks.length).toBeGreaterThanOrEqual(4);
  });

  it("fails readiness, and only readiness, when the database does not answer", async () => {
    const checks = await runSmokeTest(await serve(fakeDb(false)));
    expect(checks.filter((check) => !check.ok).map((check) => check.name)).toEqual([
      "GET /health/ready answers 200 (the database answers)",
    ]);
  });

  it("reports a server that is not running instead of throwing", async () => {
    const checks = await runSmokeTest("http://127.0.0.1:9", fetch, 1_000);
    expect(checks.every((check) => !check.ok)).toBe(true);
  });
});
