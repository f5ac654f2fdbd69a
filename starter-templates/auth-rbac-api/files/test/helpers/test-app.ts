import type { Express } from "express";
import type { Logger } from "pino";
import request from "supertest";
import { createApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Db } from "../../src/db/db.js";
import { loadOpenApiDocument } from "../../src/openapi/openapi-router.js";
import { setUserRoleByEmail } from "../../src/users/user-repository.js";
import { createTestDb } from "./test-db.js";

export const TEST_PASSWORD = "correct-horse-battery-staple";

export interface TestApp {
  app: Express;
  config: Config;
  db: Db;
  /** Closes the test database (and drops its schema on PostgreSQL). */
  dispose(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  logger?: Logger;
}

/**
 * The real app on a fresh test database, with a fast bcrypt cost, (unless given a logger) silent
 * logs, and a registration limit high enough for the many sign-ups of one test file.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDb();
  const config = loadConfig({
    NODE_ENV: "test",
    BCRYPT_COST: "4",
    LOG_LEVEL: "silent",
    REGISTER_MAX_ATTEMPTS: "1000",
    ...options.env,
  });
  const app = createApp({
    config,
    db,
    logger: options.logger ?? createLogger("silent"),
    openApiDocument: loadOpenApiDocument(),
  });
  return { app, config, db, dispose: () => db.close() };
}

export interface SignedIn {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
}

/** Registers `email` and logs in; with `role: "admin"` the account is promoted first. */
export async function signUp(testApp: TestApp, email: string, role: "user" | "admin" = "user"): Promise<SignedIn> {
  const registered = await request(testApp.app).post("/auth/register").send({ email, password: TEST_PASSWORD });
  if (registered.status !== 202) {
    throw new Error(`register failed with ${registered.status}: ${JSON.stringify(registered.body)}`);
  }
  if (role === "admin") {
    await setUserRoleByEmail(testApp.db, email, "admin");
  }
  const login = await request(testApp.app).post("/auth/login").send({ email, password: TEST_PASSWORD });
  if (login.status !== 200) {
    throw new Error(`login failed with ${login.status}: ${JSON.stringify(login.body)}`);
  }
  const body = login.body as { accessToken: string; refreshToken: string; user: { id: string } };
  return { id: body.user.id, email, accessToken: body.accessToken, refreshToken: body.refreshToken };
}
