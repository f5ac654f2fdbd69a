import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { z } from "zod";
import { HttpError } from "../errors/http-error.js";

export interface LoginRateLimit {
  maxAttempts: number;
  windowMs: number;
}

const emailInBody = z.object({ email: z.string() });

/** One bucket per client address and e-mail, so guessing one account's password is slowed down. */
function loginKey(req: Request): string {
  const parsed = emailInBody.safeParse(req.body);
  const email = parsed.success ? parsed.data.email.toLowerCase() : "";
  return `${ipKeyGenerator(req.ip ?? "unknown")}|${email}`;
}

/**
 * Counts failed logins only (successful ones do not use up attempts). The counts live in this
 * process's memory: they reset on restart and are not shared between instances. With more than one
 * instance, give express-rate-limit a shared store (Redis, PostgreSQL).
 */
export function loginRateLimiter(limit: LoginRateLimit): RequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.maxAttempts,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: loginKey,
    handler: (_req, _res, next) => {
      next(new HttpError(429, "too_many_attempts", "Too many failed logins. Wait a while, then try again"));
    },
  });
}
