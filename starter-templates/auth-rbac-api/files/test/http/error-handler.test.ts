import express from "express";
import { pinoHttp } from "pino-http";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { AppError } from "../../src/http/app-error.js";
import { errorHandler, unknownRoute } from "../../src/http/error-handler.js";
import { createLogger } from "../../src/logger.js";

function appThrowing(error: unknown) {
  const app = express();
  app.use(pinoHttp({ logger: createLogger("silent") }));
  app.use(express.json({ limit: "1kb" }));
  app.post("/fail", () => {
    throw error;
  });
  app.use(unknownRoute);
  app.use(errorHandler);
  return app;
}

describe("errorHandler", () => {
  it("answers an AppError with its status, code, message and details", async () => {
    const response = await request(appThrowing(new AppError(409, "conflict", "Already there", [{ a: 1 }]))).post("/fail");
    expect(response.status).toBe(409);
    expect(response.body).toEqual({ error: { code: "conflict", message: "Already there", details: [{ a: 1 }] } });
  });

  it("hides the details of unexpected errors behind a 500", async () => {
    const response = await request(appThrowing(new Error("secret internals at db.ts:42"))).post("/fail");
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side", details: [] } });
    expect(response.text).not.toContain("internals");
  });

  it("answers 400 to a body that is not JSON and 413 to one that is too large", async () => {
    const app = appThrowing(new Error("not reached"));
    const invalid = await request(app).post("/fail").set("Content-Type", "application/json").send("{nope");
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe("invalid_json");
    const large = await request(app).post("/fail").send({ text: "x".repeat(2000) });
    expect(large.status).toBe(413);
    expect(large.body.error.code).toBe("payload_too_large");
  });
});

describe("unknownRoute", () => {
  it("answers 404 in the same JSON shape", async () => {
    const response = await request(appThrowing(new Error("not reached"))).get("/nowhere");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: { code: "not_found", message: "No route for GET /nowhere", details: [] } });
  });
});
