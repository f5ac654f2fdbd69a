import type { Request, RequestHandler } from "express";
import { ipKeyGenerator, rateLimit } from "express-rate-limit";
import { z } from "zod";
import { HttpError } from "../errors/http-error.js";

export interface LoginRateLimit {
  /** Failed logins per client address and e-mail. */
  maxAttempts: number;
  /** Failed logins per client address, over all e-mails (one address trying many accounts). */
  maxAttemptsPerAddress: number;
  windowMs: number;
}

const emailInBody = z.object({ email: z.string() });

/** The client address; IPv6 addresses are grouped by /56, since one customer usually gets a whole block. */
export function clientAddressKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? "unknown");
}

function addressAndEmailKey(req: Request): string {
  const parsed = emailInBody.safeParse(req.body);
  const email = parsed.success ? parsed.data.email.toLowerCase() : "";
  return `${clientAddressKey(req)}|${email}`;
}

function failedLoginLimiter(limit: number, windowMs: number, keyGenerator: (req: Request) => string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator,
    handler: (_req, _res, next) => {
      next(new HttpError(429, "too_many_attempts", "Too many failed logins. Wait a while, then try again"));
    },
  });
}

/**
 * Two limits on failed logins (successful ones use up nothing):
 *
 * - per client address and e-mail (LOGIN_MAX_ATTEMPTS): slows down guessing one account's password;
 * - per client address over every e-mail (LOGIN_MAX_ATTEMPTS_PER_ADDRESS): slows down one address
 *   trying a leaked password list against many accounts.
 *
 * Neither is keyed on the e-mail alone, on purpose: a limit per account would let anyone lock a
 * victim out by failing a few logins with their address. The cost is that an attacker with many
 * addresses is not slowed down per account (the account-lockout exercise is about that trade-off).
 *
 * The counts live in this process's memory: they reset on restart and are not shared between
 * instances. With more than one instance, give express-rate-limit a shared store (Redis, PostgreSQL).
 * Behind a proxy, set TRUST_PROXY, or every client shares the proxy's address.
 */
export function loginRateLimiters(limit: LoginRateLimit): RequestHandler[] {
  return [
    failedLoginLimiter(limit.maxAttemptsPerAddress, limit.windowMs, clientAddressKey),
    failedLoginLimiter(limit.maxAttempts, limit.windowMs, addressAndEmailKey),
  ];
}
