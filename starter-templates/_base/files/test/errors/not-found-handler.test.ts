import type { NextFunction, Request, Response } from "express";
import { describe, expect, it } from "vitest";
import { HttpError } from "../../src/errors/http-error.js";
import { notFoundHandler } from "../../src/errors/not-found-handler.js";

describe("notFoundHandler", () => {
  it("passes a 404 HttpError naming the method and path to the error handler", () => {
    const passed: unknown[] = [];
    const next: NextFunction = (error?: unknown) => {
      passed.push(error);
    };
    notFoundHandler({ method: "GET", path: "/missing" } as Request, {} as Response, next);
    expect(passed).toHaveLength(1);
    expect(passed[0]).toBeInstanceOf(HttpError);
    expect(passed[0]).toMatchObject({ status: 404, code: "route_not_found", message: "There is no route for GET /missing." });
  });
});
