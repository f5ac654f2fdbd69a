import pg from "pg";
import type { Db, Queryable, Row } from "./db.js";

export interface PgDbOptions {
  /** Schema to put first on the search_path of every connection (used by tests to isolate runs). */
  schema?: string;
}

function searchPathOption(schema: string | undefined): string | undefined {
  return schema === undefined ? undefined : `-c search_path=${schema}`;
}

/** A Db backed by a node-postgres connection pool. */
export function createPgDb(connectionString: string, options: PgDbOptions = {}): Db {
  const pool = new pg.Pool({ connectionString, options: searchPathOption(options.schema) });

  async function query<T extends Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const result = await pool.query<T>(sql, [...params]);
    return result.rows;
  }

  async function transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    const tx: Queryable = {
      query: async <R extends Row>(sql: string, params: readonly unknown[] = []) =>
        (await client.query<R>(sql, [...params])).rows,
      exec: async (sql: string) => {
        await client.query(sql);
      },
    };
    try {
      await client.query("BEGIN");
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  }

  async function exec(sql: string): Promise<void> {
    await pool.query(sql);
  }

  return { query, exec, transaction, close: () => pool.end() };
}
