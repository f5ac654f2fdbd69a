import type { DestinationStream } from "pino";
import { z } from "zod";
import { email } from "../auth/auth-schemas.js";
import { loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrate } from "../db/migrate.js";
import { isMainModule } from "../is-main-module.js";
import { loadConfigOrExit } from "../load-config-or-exit.js";
import { loadEnvFile } from "../load-env-file.js";
import { createLogger } from "../logger.js";
import { setUserRoleByEmail } from "./user-repository.js";

const EXIT_USAGE = 2;
const arguments_ = z.tuple([email]);

/**
 * `npm run make-admin -- someone@example.com`: gives an existing account the admin role. Run it
 * once for the first admin; after that, admins change roles through PATCH /admin/users/{id}/role.
 * Returns the exit code.
 */
export async function runMakeAdminCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  logDestination?: DestinationStream,
): Promise<number> {
  const config = loadConfig(env);
  const logger = createLogger(config.logLevel, logDestination);
  const parsed = arguments_.safeParse(args);
  if (!parsed.success) {
    logger.error("usage: npm run make-admin -- <e-mail of an existing user>");
    return EXIT_USAGE;
  }
  const db = await createDb(config, logger);
  try {
    await migrate(db);
    const user = await setUserRoleByEmail(db, parsed.data[0], "admin");
    if (user === undefined) {
      logger.error("no user has that e-mail address: register first, then run this again");
      return 1;
    }
    logger.info({ userId: user.id }, "the user is now an admin");
    return 0;
  } finally {
    await db.close();
  }
}

if (isMainModule(import.meta.url)) {
  loadEnvFile();
  loadConfigOrExit(() => loadConfig()); // a bad environment stops here with one line, not a stack trace
  process.exitCode = await runMakeAdminCli(process.argv.slice(2), process.env);
}
