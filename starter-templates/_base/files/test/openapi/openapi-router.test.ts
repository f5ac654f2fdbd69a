import request from "supertest";
import { describe, expect, it } from "vitest";
import { loadOpenApiDocument } from "../../src/openapi/openapi-router.js";
import { compareWithOpenApi } from "../helpers/route-table.js";
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

  it("documents exactly the routes the app has (read from the router, not from a list kept by hand)", () => {
    expect(compareWithOpenApi(createTestApp(unusedDb), loadOpenApiDocument())).toEqual({ undocumented: [], notInApp: [] });
  });
});
