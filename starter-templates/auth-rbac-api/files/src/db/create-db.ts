import { mkdir } from "node:fs/promises";
import type { Db } from "./db.js";
import { createPgDb } from "./pg-db.js";
import { createPgliteDb } from "./pglite-db.js";

export interface DbSettings {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite stored in `dataDir`. */
export async function createDb(settings: DbSettings): Promise<Db> {
  if (settings.databaseUrl !== undefined) {
    return createPgDb(settings.databaseUrl);
  }
  await mkdir(settings.dataDir, { recursive: true });
  return createPgliteDb(settings.dataDir);
}
