import type { ErrorRequestHandler } from "express";
import { toErrorResponse } from "./to-error-response.js";

/** The one place where errors become responses: `{"error": {"code", "message", "details"}}`. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    // Part of the response is already on its way; Express's default handler closes the connection.
    next(error);
    return;
  }
  const { status, body } = toErrorResponse(error);
  if (status >= 500) {
    req.log.error({ err: error }, "Request failed");
  }
  res.status(status).json(body);
};
