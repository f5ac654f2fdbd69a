import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";
import { loadOpenApiDocument } from "./openapi/openapi-router.js";

loadEnvFile();

const config = loadConfig();
const logger = createLogger(config.logLevel);
if (config.jwt.secretWasGenerated) {
  logger.warn("JWT_SECRET is not set: using a random secret, so tokens stop working when the server restarts");
}

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
