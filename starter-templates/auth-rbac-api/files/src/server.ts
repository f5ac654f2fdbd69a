import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { createReadiness } from "./health/readiness.js";
import { shutDownOnSignals, shutdownTimeoutMs } from "./http/graceful-shutdown.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";
import { loadOpenApiDocument } from "./openapi/openapi-router.js";

loadEnvFile();

const config = loadConfig();
const shutdownTimeout = shutdownTimeoutMs();
const logger = createLogger(config.logLevel);
if (config.jwt.secretWasGenerated) {
  logger.warn("JWT_SECRET is not set: using a random secret, so tokens stop working when the server restarts");
}

const db = await createDb(config, logger);
const applied = await migrate(db);
logger.info({ applied, database: config.databaseUrl === undefined ? "embedded" : "postgresql" }, "database ready");

const readiness = createReadiness();
const app = createApp({ config, db, logger, openApiDocument: loadOpenApiDocument(), readiness });
const server = app.listen(config.port, () => {
  logger.info({ port: config.port }, "listening");
});

shutDownOnSignals({ server, db, logger, readiness, timeoutMs: shutdownTimeout });
