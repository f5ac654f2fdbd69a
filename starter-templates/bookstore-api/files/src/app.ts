import express, { type Express } from "express";
import type { Logger } from "pino";
import { AuthorRepository } from "./authors/author-repository.js";
import { authorsRouter } from "./authors/authors-router.js";
import { BookRepository } from "./books/book-repository.js";
import { booksRouter } from "./books/books-router.js";
import { CustomerRepository } from "./customers/customer-repository.js";
import { customersRouter } from "./customers/customers-router.js";
import type { Db } from "./db/db.js";
import { errorHandler } from "./errors/error-handler.js";
import { notFoundHandler } from "./errors/not-found-handler.js";
import { healthRouter } from "./health/health-router.js";
import type { Readiness } from "./health/readiness.js";
import { hardenApp } from "./http/harden-app.js";
import { createRequestLogger } from "./http/request-logger.js";
import type { TrustProxy } from "./http/trust-proxy.js";
import { openApiRouter } from "./openapi/openapi-router.js";
import { OrderRepository } from "./orders/order-repository.js";
import { ordersRouter } from "./orders/orders-router.js";
import { reportsRouter } from "./reports/reports-router.js";

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

  const customers = new CustomerRepository(db);
  app.use(healthRouter(db, readiness));
  app.use(openApiRouter());
  app.use(authorsRouter(new AuthorRepository(db)));
  app.use(booksRouter(new BookRepository(db)));
  app.use(customersRouter(customers));
  app.use(ordersRouter(db, new OrderRepository(db), customers));
  app.use(reportsRouter(db));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
