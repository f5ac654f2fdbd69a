import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { createReadiness } from "./health/readiness.js";
import { shutDownOnSignals, shutdownTimeoutMs } from "./http/graceful-shutdown.js";
import { loadConfigOrExit } from "./load-config-or-exit.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";
import { loadOpenApiDocument } from "./openapi/openapi-router.js";

loadEnvFile();

const config = loadConfigOrExit(() => loadConfig());
const shutdownTimeout = shutdownTimeoutMs();
const logger = createLogger(config.logLevel);

const db = await createDb(config, logger);
const applied = await migrate(db);
logger.info({ applied, database: config.databaseUrl === undefined ? "embedded" : "postgresql" }, "database ready");

const readiness = createReadiness();
const app = createApp({ config, db, logger, openApiDocument: loadOpenApiDocument(), readiness });
const server = app.listen(config.port, () => {
  logger.info({ port: config.port }, "listening");
});

shutDownOnSignals({ server, db, logger, readiness, timeoutMs: shutdownTimeout });
