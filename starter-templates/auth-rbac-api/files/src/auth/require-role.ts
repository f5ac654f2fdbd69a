import type { RequestHandler } from "express";
import { HttpError } from "../errors/http-error.js";
import type { Role } from "../users/user.js";
import { findCurrentUser } from "./current-user.js";

/** Lets the request through only when the signed-in user has `role`. Mount after `requireAuth`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const user = findCurrentUser(res);
    if (user === undefined) {
      throw new HttpError(401, "unauthorized", "Sign in first");
    }
    if (user.role !== role) {
      throw new HttpError(403, "forbidden", `This needs the ${role} role`);
    }
    next();
  };
}
