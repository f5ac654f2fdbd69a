import type { Express } from "express";
import { createApp } from "../../src/app.js";
import type { Db } from "../../src/db/db.js";
import { createLogger } from "../../src/logger.js";

/** The real application, with logging silenced so test output stays readable. */
export function createTestApp(db: Db): Express {
  return createApp({ db, logger: createLogger("silent") });
}
