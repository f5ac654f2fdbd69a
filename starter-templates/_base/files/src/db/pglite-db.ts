import { mkdir } from "node:fs/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Db, Queryable, Row } from "./db.js";

function queryable(client: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.exec(sql);
    },
  };
}

/**
 * A `Db` backed by PGlite, PostgreSQL compiled to WebAssembly and running inside this process.
 * Without `dataDir` the database lives in memory and disappears when the process ends.
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) {
    await mkdir(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create(dataDir);

  return {
    ...queryable(pglite),
    transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
      return pglite.transaction((tx) => fn(queryable(tx)));
    },
    async close(): Promise<void> {
      await pglite.close();
    },
  };
}
