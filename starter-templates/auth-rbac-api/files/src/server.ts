import { createApp } from "./app.js";
import { ConfigError, type Config, loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { createReadiness } from "./health/readiness.js";
import { shutDownOnSignals } from "./http/graceful-shutdown.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";
import { loadOpenApiDocument } from "./openapi/openapi-router.js";

/** Below the 10 seconds Docker and Kubernetes wait after SIGTERM before they kill the process. */
const SHUTDOWN_TIMEOUT_MS = 8_000;

loadEnvFile();

/** A bad environment stops the server with one clear line on stderr, not a stack trace. */
function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Cannot start: ${error.message}\n`);
    process.exit(1);
  }
}

const config = loadConfigOrExit();
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

shutDownOnSignals({ server, db, logger, readiness, timeoutMs: SHUTDOWN_TIMEOUT_MS });
