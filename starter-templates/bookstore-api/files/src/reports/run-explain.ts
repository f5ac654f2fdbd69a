import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrate } from "../db/migrate.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { bestSellersQuerySchema } from "./best-sellers-query.js";
import { explainBestSellers } from "./best-sellers.js";

// npm run explain -- --from 2025-01 --to 2025-12 [--top 5]
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, top: { type: "string" } } });

loadEnvFile();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const query = bestSellersQuerySchema.safeParse(values);
if (query.success) {
  const db = await createDb(config, logger);
  try {
    await migrate(db);
    process.stdout.write(`${await explainBestSellers(db, query.data)}\n`);
  } finally {
    await db.close();
  }
} else {
  logger.error({ problems: query.error.issues }, "Usage: npm run explain -- --from 2025-01 --to 2025-12 [--top 5]");
  process.exitCode = 1;
}
