import { parseArgs } from "node:util";
import { z } from "zod";
import { loadConfig } from "../config.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { createDb } from "./create-db.js";
import { migrate } from "./migrate.js";
import { seed, seedSizeFor } from "./seed.js";

// npm run seed [-- --scale 0.1]   (replaces ALL data in the database)
const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });

loadEnvFile();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const scale = z.coerce.number().positive().max(20).safeParse(values.scale);
if (scale.success) {
  const db = await createDb(config, logger);
  try {
    await migrate(db);
    const size = seedSizeFor(scale.data);
    logger.info({ size }, "Seeding: this replaces all data and can take a minute");
    logger.info({ counts: await seed(db, size) }, "Seed data ready");
  } finally {
    await db.close();
  }
} else {
  logger.error({ scale: values.scale }, "--scale must be a number greater than 0 and at most 20");
  process.exitCode = 1;
}
