import type { DestinationStream } from "pino";
import { loadConfig } from "../config.js";
import { loadEnvFileIfPresent } from "../env-file.js";
import { isMainModule } from "../is-main-module.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";

/** `npm run migrate`: applies pending migrations to the configured database. Returns the exit code. */
export async function runMigrateCli(env: NodeJS.ProcessEnv, logDestination?: DestinationStream): Promise<number> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, logDestination);
  const db = await createDb(config);
  try {
    const applied = await migrate(db);
    logger.info({ applied }, applied.length === 0 ? "database is up to date" : "migrations applied");
    return 0;
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  loadEnvFileIfPresent();
  process.exitCode = await runMigrateCli(process.env);
}
