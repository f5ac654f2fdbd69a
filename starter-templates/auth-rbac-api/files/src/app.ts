import express, { type Express } from "express";
import type { Logger } from "pino";
import { authRoutes } from "./auth/auth-routes.js";
import { createAuthService } from "./auth/auth-service.js";
import { loginRateLimiters } from "./auth/login-rate-limiter.js";
import { createPasswordHasher } from "./auth/password-hasher.js";
import { registerRateLimiter } from "./auth/register-rate-limiter.js";
import { requireAuth } from "./auth/require-auth.js";
import type { Config } from "./config.js";
import type { Db } from "./db/db.js";
import { errorHandler } from "./errors/error-handler.js";
import { notFoundHandler } from "./errors/not-found-handler.js";
import { healthRouter } from "./health/health-router.js";
import type { Readiness } from "./health/readiness.js";
import { hardenApp } from "./http/harden-app.js";
import { createRequestLogger } from "./http/request-logger.js";
import { noteRoutes } from "./notes/note-routes.js";
import { openApiRouter } from "./openapi/openapi-router.js";
import { adminRoutes } from "./users/admin-routes.js";
import { meRoutes } from "./users/me-routes.js";

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  openApiDocument: unknown;
  /** Shared with the shutdown, which marks it not ready; always ready when left out (tests). */
  readiness?: Readiness;
}

/** Wires the routes together. Everything it needs is passed in, so tests can build their own. */
export function createApp({ config, db, logger, openApiDocument, readiness }: AppDeps): Express {
  const authService = createAuthService({
    db,
    hasher: createPasswordHasher(config.bcryptCost),
    accessTokens: config.jwt,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
  });
  const authenticate = requireAuth(db, config.jwt);

  const app = express();
  hardenApp(app, { trustProxy: config.trustProxy });
  app.use(createRequestLogger(logger));
  app.use(express.json({ limit: "100kb" }));

  app.use(healthRouter(db, readiness));
  app.use(openApiRouter(openApiDocument));
  app.use(
    authRoutes(authService, {
      register: registerRateLimiter(config.registerRateLimit),
      login: loginRateLimiters(config.loginRateLimit),
    }),
  );
  app.use(meRoutes(authenticate));
  app.use(noteRoutes(db, authenticate));
  app.use(adminRoutes(db, authenticate));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
