import express from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { healthRouter } from "../../src/health/health-router.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { createTestDb } from "../helpers/test-db.js";

/** The health route alone, with silent request logging (it logs through `req.log`). */
function appWith(db: Db) {
  const app = express();
  app.use(createRequestLogger(createLogger("silent")));
  app.use(healthRouter(db));
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
});
