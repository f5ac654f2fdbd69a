import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadOpenApiDocument } from "../../src/openapi/openapi-router.js";
import { compareWithOpenApi } from "../helpers/route-table.js";
import { createTestApp, type TestApp } from "../helpers/test-app.js";

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

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

  it("documents exactly the routes the app has (read from the router, not from a list kept by hand)", () => {
    expect(compareWithOpenApi(t.app, document)).toEqual({ undocumented: [], notInApp: [] });
  });
});
