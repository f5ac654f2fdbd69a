import { parseArgs } from "node:util";
import type { Logger } from "pino";
import { loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrate } from "../db/migrate.js";
import { isMainModule } from "../is-main-module.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { bestSellersQuerySchema } from "./best-sellers-query.js";
import { explainBestSellers } from "./best-sellers.js";

const USAGE = "Usage: npm run explain -- --from 2025-01 --to 2025-12 [--top 5]";

/**
 * `npm run explain`: the plan of the best-sellers report for the given months, as PostgreSQL prints it.
 * Returns undefined (after logging the usage) when the arguments are invalid.
 */
export async function runExplain(args: string[], env: NodeJS.ProcessEnv, logger?: Logger): Promise<string | undefined> {
  const config = loadConfig(env);
  const log = logger ?? createLogger(config.logLevel);
  const { values } = parseArgs({ args, options: { from: { type: "string" }, to: { type: "string" }, top: { type: "string" } } });
  const query = bestSellersQuerySchema.safeParse(values);
  if (!query.success) {
    log.error({ problems: query.error.issues.map((issue) => issue.message) }, USAGE);
    return undefined;
  }

  const db = await createDb(config, log);
  try {
    await migrate(db);
    return await explainBestSellers(db, query.data);
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  loadEnvFile();
  const plan = await runExplain(process.argv.slice(2), process.env);
  if (plan === undefined) process.exitCode = 1;
  else process.stdout.write(`${plan}\n`);
}
