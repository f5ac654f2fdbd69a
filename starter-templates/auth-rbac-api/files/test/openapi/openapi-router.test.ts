import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiDocument } from "../../src/openapi/openapi-router.js";
import { createTestApp, signUp, type TestApp } from "../helpers/test-app.js";

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const SOME_ID = "00000000-0000-4000-8000-000000000000";

describe("the OpenAPI description", () => {
  let t: TestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp();
    document = loadOpenApiDocument() as OpenApiDocument;
  });

  afterAll(async () => {
    await t.dispose();
  });

  it("is served as JSON at /openapi.json", async () => {
    const response = await request(t.app).get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body).toEqual(document);
    expect(document.openapi).toBe("3.1.0");
  });

  it("describes only routes the app has", async () => {
    const admin = await signUp(t, "admin@example.com", "admin");
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => method in item).map((method) => ({ method, path: path.replace("{id}", SOME_ID) })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(13);
    for (const { method, path } of operations) {
      const response = await request(t.app)[method](path).auth(admin.accessToken, { type: "bearer" }).send({});
      const message = String(response.body?.error?.message ?? "");
      expect(message, `${method.toUpperCase()} ${path}`).not.toMatch(/^There is no route for/);
    }
  });
});
