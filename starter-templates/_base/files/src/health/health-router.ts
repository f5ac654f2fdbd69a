import { Router } from "express";
import type { Db } from "../db/db.js";

/** `GET /health`: 200 when the database answers, 503 when it does not. */
export function healthRouter(db: Db): Router {
  const router = Router();
  router.get("/health", async (req, res) => {
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      req.log.error({ err: error }, "Health check could not reach the database");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  });
  return router;
}
