import { Router, type Request, type Response } from "express";
import type { Db } from "../db/db.js";
import { createReadiness, type Readiness } from "./readiness.js";

/**
 * Liveness and readiness, for a container platform or a load balancer:
 * - `GET /health/live`: 200 while the process can answer at all (restart it when this fails);
 * - `GET /health/ready`: 200 when it should get traffic (the database answers and no shutdown has begun),
 *   else 503. `GET /health` answers the same as readiness.
 * The pool's connection and statement timeouts (src/db/pg-db.ts) make readiness answer 503 instead of hanging.
 */
export function healthRouter(db: Db, readiness: Readiness = createReadiness()): Router {
  const router = Router();
  router.get("/health/live", (_req, res) => {
    res.json({ status: "ok" });
  });
  const ready = async (req: Request, res: Response): Promise<void> => {
    if (!readiness.isReady()) {
      res.status(503).json({ status: "shutting-down" });
      return;
    }
    try {
      await db.query("SELECT 1");
      res.json({ status: "ok", database: "ok" });
    } catch (error) {
      req.log.error({ err: error }, "Health check could not reach the database");
      res.status(503).json({ status: "unavailable", database: "unreachable" });
    }
  };
  router.get("/health/ready", ready);
  router.get("/health", ready);
  return router;
}
