import { Router } from "express";
import type { Queryable } from "../db/db.js";

export function healthRoutes(db: Queryable): Router {
  const router = Router();

  router.get("/health", async (req, res) => {
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      req.log.error({ err: error }, "health check: database unreachable");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });

  return router;
}
