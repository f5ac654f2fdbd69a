import type { Logger } from "pino";
import { loadMigrationConfig } from "../config.js";
import { isMainModule } from "../is-main-module.js";
import { loadConfigOrExit } from "../load-config-or-exit.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";

/** `npm run migrate`: applies pending migrations to the configured database and returns their names. */
export async function runMigrations(env: NodeJS.ProcessEnv, logger?: Logger): Promise<string[]> {
  const config = loadMigrationConfig(env);
  const log = logger ?? createLogger(config.logLevel);
  const db = await createDb(config, log);
  try {
    const applied = await migrate(db);
    log.info({ applied }, applied.length > 0 ? "Migrations applied" : "Database is up to date");
    return applied;
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  loadEnvFile();
  loadConfigOrExit(() => loadMigrationConfig()); // a bad environment stops here with one line, not a stack trace
  await runMigrations(process.env);
}
