import type { RequestHandler } from "express";
import type { Queryable } from "../db/db.js";
import { HttpError } from "../errors/http-error.js";
import { findUserById } from "../users/user-repository.js";
import { type AccessTokenSettings, verifyAccessToken } from "./access-token.js";
import { setCurrentUser } from "./current-user.js";

/** The auth scheme is case-insensitive (RFC 9110, section 11.1): `bearer` and `BEARER` are the same scheme. */
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

function unauthorized(message: string): HttpError {
  return new HttpError(401, "unauthorized", message);
}

/**
 * Lets the request through only with a valid access token (`Authorization: Bearer <token>`) whose
 * user still exists. The user is loaded from the database, so a role change or a deleted account
 * takes effect at once instead of when the token expires.
 */
export function requireAuth(db: Queryable, settings: AccessTokenSettings): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get("authorization") ?? "");
    if (match?.[1] === undefined) {
      res.set("WWW-Authenticate", 'Bearer realm="api"');
      throw unauthorized("Send an access token in the Authorization header: Bearer <token>");
    }
    const result = await verifyAccessToken(settings, match[1]);
    if (!result.ok) {
      res.set("WWW-Authenticate", 'Bearer realm="api", error="invalid_token"');
      throw unauthorized(result.reason === "expired" ? "The access token has expired" : "The access token is invalid");
    }
    const user = await findUserById(db, result.claims.userId);
    if (user === undefined) {
      throw unauthorized("The account for this access token no longer exists");
    }
    setCurrentUser(res, user);
    next();
  };
}
