import { type RequestHandler, Router } from "express";
import { parseInput } from "../http/parse-input.js";
import { loginBody, refreshTokenBody, registerBody } from "./auth-schemas.js";
import type { AuthService } from "./auth-service.js";

export interface AuthLimiters {
  register: RequestHandler;
  login: RequestHandler[];
}

/**
 * What registration answers, whether or not the address already had an account: a different
 * answer (409 "taken") would let anyone test which addresses are customers here.
 */
export const REGISTRATION_ACCEPTED = {
  message: "If this e-mail address had no account, it has one now: log in with it. An existing account keeps its password.",
} as const;

export function authRoutes(auth: AuthService, limiters: AuthLimiters): Router {
  const router = Router();

  router.post("/auth/register", limiters.register, async (req, res) => {
    const { email, password } = parseInput(registerBody, req.body, "body");
    const { created } = await auth.register(email, password);
    req.log.info({ created }, created ? "account registered" : "registration for an address that has an account");
    res.set("Cache-Control", "no-store").status(202).json(REGISTRATION_ACCEPTED);
  });

  router.post("/auth/login", ...limiters.login, async (req, res) => {
    const { email, password } = parseInput(loginBody, req.body, "body");
    res.set("Cache-Control", "no-store").json(await auth.login(email, password));
  });

  router.post("/auth/refresh", async (req, res) => {
    const { refreshToken } = parseInput(refreshTokenBody, req.body, "body");
    res.set("Cache-Control", "no-store").json(await auth.refresh(refreshToken));
  });

  router.post("/auth/logout", async (req, res) => {
    const { refreshToken } = parseInput(refreshTokenBody, req.body, "body");
    await auth.logout(refreshToken);
    res.status(204).end();
  });

  return router;
}
