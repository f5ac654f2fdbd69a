import { Router, type Request, type Response } from "express";
import type { Db } from "../db/db.js";
import { createReadiness, type Readiness } from "./readiness.js";

/** Below the 3 seconds compose's health check waits, so the probe gets an answer, not a timeout. */
export const READINESS_TIMEOUT_MS = 2_000;

/** `SELECT 1`, rejected when the database has not answered within `timeoutMs`. */
async function pingDatabase(db: Db, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`The database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([db.query("SELECT 1"), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Liveness and readiness, for a container platform or a load balancer:
 * - `GET /health/live`: 200 while the process can answer at all (restart it when this fails);
 * - `GET /health/ready`: 200 when it should get traffic (the database answers and no shutdown has begun),
 *   else 503. `GET /health` answers the same as readiness.
 * Readiness waits at most `timeoutMs` for the database (probes give up after a few seconds; the pool's own
 * connection and statement timeouts in src/db/pg-db.ts are longer), then answers 503 instead of hanging.
 */
export function healthRouter(db: Db, readiness: Readiness = createReadiness(), timeoutMs = READINESS_TIMEOUT_MS): Router {
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
      await pingDatabase(db, timeoutMs);
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
