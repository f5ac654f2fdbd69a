import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";
import { HttpError } from "../errors/http-error.js";
import { clientAddressKey } from "./login-rate-limiter.js";

export interface RegisterRateLimit {
  maxAttempts: number;
  windowMs: number;
}

/**
 * Registrations per client address (REGISTER_MAX_ATTEMPTS per REGISTER_WINDOW_SECONDS). Every
 * attempt counts, successful or not: registration answers the same for a new and a taken address,
 * so counting only failures would count nothing, and each attempt costs a full bcrypt hash.
 */
export function registerRateLimiter(limit: RegisterRateLimit): RequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.maxAttempts,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: clientAddressKey,
    handler: (_req, _res, next) => {
      next(new HttpError(429, "too_many_attempts", "Too many registrations from this address. Wait a while, then try again"));
    },
  });
}
