import express from "express";
import { pinoHttp } from "pino-http";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { Queryable } from "../../src/db/db.js";
import { healthRoutes } from "../../src/health/health-routes.js";
import { createLogger } from "../../src/logger.js";

function appWith(db: Queryable) {
  const app = express();
  app.use(pinoHttp({ logger: createLogger("silent") }));
  app.use(healthRoutes(db));
  return app;
}

describe("GET /health", () => {
  it("answers ok when the database answers", async () => {
    const queries: string[] = [];
    const db: Queryable = {
      query: async (sql) => {
        queries.push(sql);
        return [];
      },
      exec: async () => undefined,
    };
    const response = await request(appWith(db)).get("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
    expect(queries).toEqual(["SELECT 1"]);
  });

  it("answers 503 when the database does not", async () => {
    const db: Queryable = {
      query: () => Promise.reject(new Error("connection refused")),
      exec: async () => undefined,
    };
    const response = await request(appWith(db)).get("/health");
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
