import type { ErrorRequestHandler } from "express";
import { toErrorResponse } from "./to-error-response.js";

/** The one place where errors become responses: `{"error": {"code", "message", "details"}}`. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) {
    req.log.error({ err: error }, "Request failed");
  }
  res.status(status).json(body);
};
