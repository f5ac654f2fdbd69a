import type { RequestHandler } from "express";
import { HttpError } from "./http-error.js";

/** Answers 404 for any route no router handled. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, "route_not_found", `There is no route for ${req.method} ${req.path}.`));
};
