import express, { type NextFunction, type Request, type Response } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../src/errors/error-handler.js";
import { notFoundHandler } from "../../src/errors/not-found-handler.js";
import { createRequestLogger } from "../../src/http/request-logger.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";

function appThatThrows(error: unknown, capture = createLogCapture()) {
  const app = express();
  app.use(createRequestLogger(createLogger("info", capture)));
  app.use(express.json());
  app.get("/boom", () => {
    throw error;
  });
  app.post("/echo", (req, res) => {
    res.json(req.body);
  });
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

describe("errorHandler", () => {
  it("answers 500 without a stack trace and logs the error", async () => {
    const capture = createLogCapture();
    const response = await request(appThatThrows(new Error("database password is hunter2"), capture)).get("/boom");
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { code: "internal_error", message: expect.any(String), details: [] },
    });
    expect(response.text).not.toContain("hunter2");
    expect(response.text).not.toContain("at ");
    expect(capture.lines.some((line) => line.msg === "Request failed")).toBe(true);
  });

  it("answers 400 when the body is not valid JSON", async () => {
    const response = await request(appThatThrows(null))
      .post("/echo")
      .set("content-type", "application/json")
      .send("{not json");
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_json");
  });
});

describe("errorHandler once the response has started", () => {
  it("hands the error to Express instead of writing a second response", () => {
    const passed: unknown[] = [];
    const next: NextFunction = (error?: unknown) => {
      passed.push(error);
    };
    const error = new Error("late failure");
    errorHandler(error, {} as Request, { headersSent: true } as Response, next);
    expect(passed).toEqual([error]);
  });
});

describe("notFoundHandler", () => {
  it("answers 404 in the same JSON shape for unknown routes", async () => {
    const response = await request(appThatThrows(null)).delete("/nowhere");
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: { code: "route_not_found", message: "There is no route for DELETE /nowhere.", details: [] },
    });
  });
});
