import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable, Row } from "./db.js";

/**
 * A Db backed by PGlite, PostgreSQL compiled to WebAssembly and running inside this process.
 * Without `dataDir` the database lives in memory and disappears when the process ends.
 */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  const pglite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pglite.waitReady;

  async function query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await pglite.query<T>(sql, [...params]);
    return result.rows;
  }

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return pglite.transaction(async (inner) =>
      fn({
        query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
          (await inner.query<R>(sql, [...params])).rows,
        exec: async (sql: string) => {
          await inner.exec(sql);
        },
      }),
    );
  }

  async function exec(sql: string): Promise<void> {
    await pglite.exec(sql);
  }

  return { query, exec, transaction, close: () => pglite.close() };
}
