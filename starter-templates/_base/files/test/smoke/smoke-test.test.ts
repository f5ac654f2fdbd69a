import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { errorHandler } from "../../src/errors/error-handler.js";
import { notFoundHandler } from "../../src/errors/not-found-handler.js";
import { healthRouter } from "../../src/health/health-router.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { runSmokeTest, type SmokeEndpoint } from "./smoke-test.js";

/** A database that answers `SELECT 1` (or fails), so the smoke test's own test needs no database. */
function fakeDb(answers: boolean): Db {
  const query = async () => {
    if (!answers) throw new Error("connection refused");
    return [];
  };
  const exec = async () => undefined;
  return { query, exec, transaction: async (fn) => fn({ query, exec }), close: async () => undefined };
}

/** A stand-in for the template's real endpoint: GET /widgets answers 200 with a page. */
const widgets: SmokeEndpoint = {
  name: "GET /widgets answers 200",
  async run(send) {
    const response = await send("/widgets");
    return response.status === 200 ? undefined : `status ${response.status}`;
  },
};

let server: Server | undefined;

async function serve(db: Db, { withWidgets = true } = {}): Promise<string> {
  const app = express();
  app.use(createRequestLogger(createLogger("silent")));
  app.use(healthRouter(db));
  if (withWidgets) app.get("/widgets", (_req, res) => void res.json({ data: [] }));
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
    const checks = await runSmokeTest(await serve(fakeDb(true)), { endpoints: [widgets] });
    expect(checks.filter((check) => !check.ok)).toEqual([]);
    expect(checks.map((check) => check.name)).toContain("GET /widgets answers 200");
  });

  it("fails readiness, and only readiness, when the database does not answer", async () => {
    const checks = await runSmokeTest(await serve(fakeDb(false)), { endpoints: [widgets] });
    expect(checks.filter((check) => !check.ok).map((check) => check.name)).toEqual([
      "GET /health/ready answers 200 (the database answers)",
    ]);
  });

  it("fails the real endpoint's check when the endpoint is missing", async () => {
    const checks = await runSmokeTest(await serve(fakeDb(true), { withWidgets: false }), { endpoints: [widgets] });
    expect(checks.filter((check) => !check.ok)).toEqual([{ name: "GET /widgets answers 200", ok: false, detail: "status 404" }]);
  });

  it("reports a server that is not running instead of throwing", async () => {
    const checks = await runSmokeTest("http://127.0.0.1:9", { endpoints: [widgets], timeoutMs: 1_000 });
    expect(checks).toHaveLength(4);
    expect(checks.every((check) => !check.ok)).toBe(true);
  });
});
