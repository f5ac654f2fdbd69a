import { join } from "node:path";
import { historyStore, type HistoryStore } from "./history-store.js";
import { migrate } from "./migrate.js";
import { pgClient } from "./pg-client.js";
import { pgliteClient } from "./pglite-client.js";

/** Raised when the environment asks for something the history cannot do; the message is one line for the user. */
export class HistoryConfigError extends Error {}

/** Where the embedded database lives without `APPRENTICE_DATA_DIR`: `.apprentice-data/` in the working directory. */
export function defaultDataDir(cwd = process.cwd()): string {
  return join(cwd, ".apprentice-data");
}

/**
 * Opens and migrates the review history: PostgreSQL at `DATABASE_URL`, else the embedded PGlite in
 * `APPRENTICE_DATA_DIR` (default `.apprentice-data/`). PGlite serves one process, so with `REDIS_URL`
 * set (review workers in several processes) and no `DATABASE_URL` this refuses with HistoryConfigError.
 */
export async function openHistory(
  env: NodeJS.ProcessEnv = process.env,
  options: { cwd?: string; schema?: string } = {},
): Promise<HistoryStore> {
  const url = env.DATABASE_URL?.trim();
  if (!url && env.REDIS_URL?.trim()) {
    throw new HistoryConfigError(
      "REDIS_URL is set, so review workers may run in several processes, but the embedded history database (PGlite) serves one process: set DATABASE_URL to a PostgreSQL server.",
    );
  }
  const db = url
    ? await pgClient(url, options.schema)
    : await pgliteClient(env.APPRENTICE_DATA_DIR?.trim() || defaultDataDir(options.cwd));
  try {
    await migrate(db);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return historyStore(db);
}
