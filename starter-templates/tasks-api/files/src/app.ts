import express, { type Express } from "express";
import type { Logger } from "pino";
import type { Db } from "./db/db.js";
import { errorHandler } from "./errors/error-handler.js";
import { notFoundHandler } from "./errors/not-found-handler.js";
import { healthRouter } from "./health/health-router.js";
import type { Readiness } from "./health/readiness.js";
import { hardenApp } from "./http/harden-app.js";
import { createRequestLogger } from "./http/request-logger.js";
import type { TrustProxy } from "./http/trust-proxy.js";
import { openApiRouter } from "./openapi/openapi-router.js";
import { TaskRepository } from "./tasks/task-repository.js";
import { tasksRouter } from "./tasks/tasks-router.js";

export interface AppDependencies {
  db: Db;
  logger: Logger;
  /** Shared with the shutdown, which marks it not ready; always ready when left out (tests). */
  readiness?: Readiness;
  /** Express's `trust proxy` (TRUST_PROXY); trusts no proxy when left out. */
  trustProxy?: TrustProxy;
}

/** Builds the Express application. It does not listen: `server.ts` does, and tests use supertest. */
export function createApp({ db, logger, readiness, trustProxy = false }: AppDependencies): Express {
  const app = express();
  hardenApp(app, { trustProxy });
  app.use(createRequestLogger(logger));
  app.use(express.json({ limit: "100kb" }));

  app.use(healthRouter(db, readiness));
  app.use(openApiRouter());
  app.use(tasksRouter(new TaskRepository(db)));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
