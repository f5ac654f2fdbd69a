import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { createReadiness } from "./health/readiness.js";
import { shutDownOnSignals } from "./http/graceful-shutdown.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";

/** Below the 10 seconds Docker and Kubernetes wait after SIGTERM before they kill the process. */
const SHUTDOWN_TIMEOUT_MS = 8_000;

loadEnvFile();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = await createDb(config, logger);
const applied = await migrate(db);
if (applied.length > 0) logger.info({ applied }, "Migrations applied");

const readiness = createReadiness();
const server = createApp({ db, logger, readiness }).listen(config.port, (error) => {
  if (error) {
    logger.fatal({ err: error }, "Could not start the server");
    process.exitCode = 1;
    void db.close();
    return;
  }
  logger.info({ port: config.port }, `Listening on http://localhost:${config.port}`);
});

shutDownOnSignals({ server, db, logger, readiness, timeoutMs: SHUTDOWN_TIMEOUT_MS });
