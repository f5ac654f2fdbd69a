import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../src/db/db.js";
import { createTestApp } from "./helpers/test-app.js";
import { createTestDb } from "./helpers/test-db.js";

describe("createApp", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await request(createTestApp(db)).get("/nope");
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe("route_not_found");
  });

  it("sends security headers and hides the framework", async () => {
    const response = await request(createTestApp(db)).get("/health");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it("rejects bodies larger than 100 kB with 413", async () => {
    const response = await request(createTestApp(db))
      .post("/tasks")
      .send({ title: "big", description: "x".repeat(200_000) });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });
});
