import express, { Router } from "express";
import { describe, expect, it } from "vitest";
import { compareWithOpenApi, documentedOperations, routeTable } from "../helpers/route-table.js";

const ok: express.RequestHandler = (_req, res) => {
  res.end();
};

function sampleApp() {
  const app = express();
  app.use(express.json());
  const items = Router();
  items.use("/items", (_req, _res, next) => next()); // middleware under a path is not a route
  items.get("/items", ok);
  items.route("/items/:id").get(ok).patch(ok);
  const v2 = Router();
  v2.delete("/things/:thingId", ok);
  app.use(items);
  app.use("/v2", v2);
  app.get("/health", ok);
  return app;
}

describe("routeTable", () => {
  it("lists the routes of nested routers, with mount prefixes and OpenAPI-style parameters", () => {
    expect(routeTable(sampleApp())).toEqual([
      "DELETE /v2/things/{thingId}",
      "GET /health",
      "GET /items",
      "GET /items/{id}",
      "PATCH /items/{id}",
    ]);
  });

  it("refuses paths it cannot compare instead of skipping them", () => {
    const app = express();
    app.get(/^\/regex$/, ok);
    expect(() => routeTable(app)).toThrow(/regular-expression path/);
    const wildcard = express();
    wildcard.get("/files/*rest", ok);
    expect(() => routeTable(wildcard)).toThrow(/cannot translate/);
  });
});

describe("compareWithOpenApi", () => {
  it("finds an undocumented route and a documented operation the app does not have", () => {
    const document = {
      paths: {
        "/health": { get: {} },
        "/items": { get: {}, post: {} },
        "/items/{id}": { get: {}, patch: {}, parameters: [] },
        "/v2/things/{thingId}": { delete: {} },
      },
    };
    expect(documentedOperations(document)).toContain("POST /items");
    expect(compareWithOpenApi(sampleApp(), document)).toEqual({ undocumented: [], notInApp: ["POST /items"] });
    const withoutHealth = Object.fromEntries(Object.entries(document.paths).filter(([path]) => path !== "/health"));
    expect(compareWithOpenApi(sampleApp(), { paths: withoutHealth }).undocumented).toEqual(["GET /health"]);
  });
});
