import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("GET /health", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("reports ok when the database answers", async () => {
    const response = await request(createTestApp(db)).get("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const brokenDb: Db = {
      ...db,
      query: () => Promise.reject(new Error("connection refused")),
    };
    const response = await request(createTestApp(brokenDb)).get("/health");
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: "unavailable", database: "unreachable" });
  });
});
