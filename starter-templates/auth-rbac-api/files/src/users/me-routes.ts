import { type RequestHandler, Router } from "express";
import { currentUser } from "../auth/current-user.js";

export function meRoutes(authenticate: RequestHandler): Router {
  const router = Router();

  router.get("/users/me", authenticate, (_req, res) => {
    res.json({ user: currentUser(res) });
  });

  return router;
}
