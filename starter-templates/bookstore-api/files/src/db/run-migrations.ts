import { loadConfig } from "../config.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";

loadEnvFile();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await createDb(config, logger);
try {
  const applied = await migrate(db);
  logger.info({ applied }, applied.length > 0 ? "Migrations applied" : "Database is up to date");
} finally {
  await db.close();
}
