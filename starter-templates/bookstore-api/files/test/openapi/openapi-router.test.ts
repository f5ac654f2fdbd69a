import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadOpenApiDocument } from "../../src/openapi/openapi-router.js";
import { createTestApp } from "../helpers/test-app.js";
import type { Db } from "../../src/db/db.js";

/** The OpenAPI route needs no database; any use of this one fails the test. */
const unusedDb: Db = {
  query: () => Promise.reject(new Error("not expected")),
  exec: () => Promise.reject(new Error("not expected")),
  transaction: () => Promise.reject(new Error("not expected")),
  close: () => Promise.resolve(),
};

describe("GET /openapi.json", () => {
  it("serves openapi.yaml as JSON", async () => {
    const response = await request(createTestApp(unusedDb)).get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.body).toEqual(loadOpenApiDocument());
    expect(response.body.openapi).toBe("3.1.0");
  });

  it("describes every route of the API", () => {
    const document = loadOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      [
        "GET /health",
        "GET /health/live",
        "GET /health/ready",
        "GET /openapi.json",
        "GET /authors",
        "POST /authors",
        "GET /authors/{id}",
        "DELETE /authors/{id}",
        "GET /books",
        "POST /books",
        "GET /books/{id}",
        "PATCH /books/{id}",
        "POST /customers",
        "GET /customers/{id}",
        "GET /customers/{id}/orders",
        "POST /orders",
        "GET /orders/{id}",
        "GET /reports/best-sellers",
      ].sort(),
    );
  });
});
