import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./helpers/test-app.js";

// createTestApp builds the app with createApp from src/app.ts, on a fresh test database.
describe("the app", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.dispose();
  });

  it("answers /health with the database status", async () => {
    const response = await request(t.app).get("/health");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "ok", database: "ok" });
  });

  it("answers unknown routes with a JSON 404", async () => {
    const response = await request(t.app).get("/nope");
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: { code: "route_not_found" } });
  });

  it("gives every response a request id and does not advertise Express", async () => {
    const response = await request(t.app).get("/health");
    expect(response.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers["x-powered-by"]).toBeUndefined();
  });

  it("answers malformed JSON with a 400 in the usual error shape", async () => {
    const response = await request(t.app).post("/auth/login").set("Content-Type", "application/json").send("{");
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: "invalid_json" } });
  });
});
