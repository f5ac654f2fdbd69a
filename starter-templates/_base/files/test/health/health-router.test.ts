import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { healthRouter } from "../../src/health/health-router.js";
import { createReadiness, type Readiness } from "../../src/health/readiness.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { createTestDb } from "../helpers/test-db.js";

/** The health route alone, with silent request logging (it logs through `req.log`). */
function appWith(db: Db, readiness?: Readiness) {
  const app = express();
  app.use(createRequestLogger(createLogger("silent")));
  app.use(healthRouter(db, readiness));
  return app;
}

describe("GET /health", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("reports ok when the database answers", async () => {
    const response = await request(appWith(db)).get("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const brokenDb: Db = {
      ...db,
      query: () => Promise.reject(new Error("connection refused")),
    };
    const response = await request(appWith(brokenDb)).get("/health");
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable", database: "unreachable" });
  });

  it("answers /health/ready like /health, and 503 once shutdown has begun", async () => {
    const readiness = createReadiness();
    const app = appWith(db, readiness);
    expect((await request(app).get("/health/ready")).status).toBe(200);
    readiness.markNotReady();
    const response = await request(app).get("/health/ready");
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "shutting-down" });
    expect((await request(app).get("/health")).status).toBe(503);
  });

  it("answers 503 within its timeout when the database hangs", async () => {
    const hangingDb: Db = { ...db, query: () => new Promise(() => undefined) };
    const app = express();
    app.use(createRequestLogger(createLogger("silent")));
    app.use(healthRouter(hangingDb, createReadiness(), 200));
    const started = performance.now();
    const response = await request(app).get("/health/ready");
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable", database: "unreachable" });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("keeps /health/live at 200 without asking the database, so a slow database does not restart the process", async () => {
    const brokenDb: Db = { ...db, query: () => Promise.reject(new Error("connection refused")) };
    const readiness = createReadiness();
    readiness.markNotReady();
    const response = await request(appWith(brokenDb, readiness)).get("/health/live");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok" });
  });
});
