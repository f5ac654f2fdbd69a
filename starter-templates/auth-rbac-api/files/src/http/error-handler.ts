import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError } from "./app-error.js";

interface ErrorBody {
  error: { code: string; message: string; details: unknown[] };
}

function body(code: string, message: string, details: unknown[] = []): ErrorBody {
  return { error: { code, message, details } };
}

/** Answers 404 for any route no router handled. */
export const unknownRoute: RequestHandler = (req, res) => {
  res.status(404).json(body("not_found", `No route for ${req.method} ${req.path}`));
};

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === "object" && error !== null && "type" in error && "status" in error;
}

/**
 * The one place errors become responses. Known errors keep their status and code; anything else is
 * logged with its stack and answered with a generic 500, so internals never leak to the client.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  if (error instanceof AppError) {
    res.status(error.status).json(body(error.code, error.message, error.details));
    return;
  }
  if (isBodyParserError(error) && error.type === "entity.parse.failed") {
    res.status(400).json(body("invalid_json", "The request body is not valid JSON"));
    return;
  }
  if (isBodyParserError(error) && error.type === "entity.too.large") {
    res.status(413).json(body("payload_too_large", "The request body is too large"));
    return;
  }
  req.log.error({ err: error }, "unhandled error");
  res.status(500).json(body("internal_error", "Something went wrong on our side"));
};
