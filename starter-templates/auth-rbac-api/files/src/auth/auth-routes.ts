import { type RequestHandler, Router } from "express";
import { parseInput } from "../http/parse-input.js";
import { loginBody, refreshTokenBody, registerBody } from "./auth-schemas.js";
import type { AuthService } from "./auth-service.js";

export function authRoutes(auth: AuthService, loginLimiter: RequestHandler): Router {
  const router = Router();

  router.post("/auth/register", async (req, res) => {
    const { email, password } = parseInput(registerBody, req.body, "body");
    const user = await auth.register(email, password);
    res.status(201).json({ user });
  });

  router.post("/auth/login", loginLimiter, async (req, res) => {
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
