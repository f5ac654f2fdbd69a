import { loadConfig } from "../config.js";
import { loadEnvFileIfPresent } from "../env-file.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";

loadEnvFileIfPresent();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await createDb(config);
try {
  const applied = await migrate(db);
  logger.info({ applied }, applied.length === 0 ? "database is up to date" : "migrations applied");
} finally {
  await db.close();
}
