import pg from "pg";
import type { Db, Queryable, Row } from "./db.js";

export interface PgDbOptions {
  /** Schema to use instead of `public` (the tests give each run its own). */
  searchPath?: string;
  /** Called when an idle connection fails, so the process logs it instead of crashing. */
  onIdleError?: (error: Error) => void;
  /** How long to wait for a connection before the query fails (so /health/ready answers 503, not hangs). */
  connectionTimeoutMillis?: number;
  /** PostgreSQL cancels a statement that runs longer than this. */
  statementTimeoutMillis?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

type Client = pg.Pool | pg.PoolClient;

function queryable(client: Client): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const result = await client.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

/** A `Db` backed by a real PostgreSQL server through a node-postgres pool. */
export function createPgDb(connectionString: string, options: PgDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMillis ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  pool.on("error", (error) => options.onIdleError?.(error));

  return {
    ...queryable(pool),
    async transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(queryable(client));
        await client.query("COMMIT");
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query("ROLLBACK");
          client.release();
        } catch (rollbackError) {
          // The connection is broken: release it with the error so the pool destroys it instead of
          // handing it to the next request, and report the error that caused the rollback.
          client.release(rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError)));
        }
        throw error;
      }
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
