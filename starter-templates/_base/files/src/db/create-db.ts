import type { Logger } from "pino";
import type { Db } from "./db.js";
import { createPgDb } from "./pg-db.js";
import { createPgliteDb } from "./pglite-db.js";

export interface DbSettings {
  databaseUrl: string | undefined;
  pgliteDataDir: string;
}

/** Connects to PostgreSQL when `databaseUrl` is set, otherwise opens the embedded PGlite database. */
export async function createDb(settings: DbSettings, logger: Logger): Promise<Db> {
  if (settings.databaseUrl) {
    logger.info("Using PostgreSQL from DATABASE_URL");
    return createPgDb(settings.databaseUrl, {
      onConnectionError: (error) => logger.error({ err: error }, "A PostgreSQL connection failed"),
    });
  }
  logger.info({ dataDir: settings.pgliteDataDir }, "DATABASE_URL is not set; using embedded PostgreSQL (PGlite)");
  return createPgliteDb(settings.pgliteDataDir);
}
