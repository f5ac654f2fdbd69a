import { createApp } from "./app.js";
import { loadConfig } from "./config.js";
import { createDb } from "./db/create-db.js";
import { migrate } from "./db/migrate.js";
import { createReadiness } from "./health/readiness.js";
import { shutDownOnSignals, shutdownTimeoutMs } from "./http/graceful-shutdown.js";
import { loadConfigOrExit } from "./load-config-or-exit.js";
import { loadEnvFile } from "./load-env-file.js";
import { createLogger } from "./logger.js";

loadEnvFile();
const config = loadConfigOrExit(() => loadConfig());
const logger = createLogger(config.logLevel);
const shutdownTimeout = shutdownTimeoutMs();
const db = await createDb(config, logger);
const applied = await migrate(db);
if (applied.length > 0) logger.info({ applied }, "Migrations applied");

const readiness = createReadiness();
const server = createApp({ db, logger, readiness, trustProxy: config.trustProxy }).listen(config.port, (error) => {
  if (error) {
    logger.fatal({ err: error }, "Could not start the server");
    process.exitCode = 1;
    void db.close();
    return;
  }
  logger.info({ port: config.port }, `Listening on http://localhost:${config.port}`);
});

shutDownOnSignals({ server, db, logger, readiness, timeoutMs: shutdownTimeout });
