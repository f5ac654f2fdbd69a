import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { loadConfigOrExit } from "./load-config-or-exit.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";
import { loadOpenApiDocument } from "./openapi/openapi-router.js";

loadEnvFile();

const config = loadConfigOrExit(() => loadConfig());
const logger = createLogger(config.logLevel);

const db = await createDb(config, logger);
const applied = await migrate(db);
logger.info({ applied, database: config.databaseUrl === undefined ? "embedded" : "postgresql" }, "database ready");

const app = createApp({ config, db, logger, openApiDocument: loadOpenApiDocument() });
const server = app.listen(config.port, () => {
  logger.info({ port: config.port }, "listening");
});

function shutdown(signal: string): void {
  logger.info({ signal }, "shutting down");
  server.close(() => {
    db.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "could not close the database");
        process.exit(1);
      },
    );
  });
}

process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
