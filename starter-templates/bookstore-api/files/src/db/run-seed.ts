import { parseArgs } from "node:util";
import type { Logger } from "pino";
import { z } from "zod";
import { loadConfig } from "../config.js";
import { isMainModule } from "../is-main-module.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";
import { seed, seedSizeFor, type SeedCounts } from "./seed.js";

const scaleSchema = z.coerce.number().positive().max(20);

/**
 * `npm run seed [-- --scale 0.1]`: REPLACES all data in the configured database with generated data.
 * Returns the row counts, or undefined (after logging why) when the arguments are invalid.
 */
export async function runSeed(args: string[], env: NodeJS.ProcessEnv, logger?: Logger): Promise<SeedCounts | undefined> {
  const config = loadConfig(env);
  const log = logger ?? createLogger(config.logLevel);
  const { values } = parseArgs({ args, options: { scale: { type: "string", default: "1" } } });
  const scale = scaleSchema.safeParse(values.scale);
  if (!scale.success) {
    log.error({ scale: values.scale }, "--scale must be a number greater than 0 and at most 20");
    return undefined;
  }

  const db = await createDb(config, log);
  try {
    await migrate(db);
    const size = seedSizeFor(scale.data);
    log.info({ size }, "Seeding: this replaces all data and can take a minute");
    const counts = await seed(db, size);
    log.info({ counts }, "Seed data ready");
    return counts;
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  loadEnvFile();
  const counts = await runSeed(process.argv.slice(2), process.env);
  if (!counts) process.exitCode = 1;
}
