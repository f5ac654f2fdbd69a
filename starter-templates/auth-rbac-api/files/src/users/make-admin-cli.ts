import { z } from "zod";
import { email } from "../auth/auth-schemas.js";
import { loadConfig } from "../config.js";
import { createDb } from "../db/create-db.js";
import { migrate } from "../db/migrate.js";
import { loadEnvFileIfPresent } from "../env-file.js";
import { createLogger } from "../logger.js";
import { setUserRoleByEmail } from "./user-repository.js";

// Usage: npm run make-admin -- someone@example.com
// Gives an existing account the admin role. Run it once to create the first admin; after that,
// admins can change roles through PATCH /admin/users/{id}/role.
loadEnvFileIfPresent();
const config = loadConfig();
const logger = createLogger(config.logLevel);
const parsed = z.tuple([email]).safeParse(process.argv.slice(2));
if (!parsed.success) {
  logger.error("usage: npm run make-admin -- <e-mail of an existing user>");
  process.exit(2);
}

const db = await createDb(config);
try {
  await migrate(db);
  const user = await setUserRoleByEmail(db, parsed.data[0], "admin");
  if (user === undefined) {
    logger.error("no user has that e-mail address: register first, then run this again");
    process.exitCode = 1;
  } else {
    logger.info({ userId: user.id }, "the user is now an admin");
  }
} finally {
  await db.close();
}
