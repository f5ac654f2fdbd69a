import pg from "pg";
import type { Db, Queryable, Row } from "./db.js";

export interface PgDbOptions {
  /** Schema to use instead of `public` (the tests give each run its own). */
  searchPath?: string;
  /**
   * Called when a connection fails outside a query: idle in the pool, or checked out for a transaction
   * (the backend was terminated, the network dropped), so the process logs it instead of crashing.
   */
  onConnectionError?: (error: Error) => void;
  /** How long to wait for a connection before the query fails (so /health/ready answers 503, not hangs). */
  connectionTimeoutMillis?: number;
  /** PostgreSQL cancels a statement that runs longer than this. */
  statementTimeoutMillis?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 10_000;

type Client = pg.Pool | Pick<pg.PoolClient, "query">;

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

/** What `runTransaction` needs of a pooled connection (a `pg.PoolClient`). */
export type TransactionClient = Pick<pg.PoolClient, "query" | "release">;

/** Rolls back; returns the error when even that fails (the connection is broken), else undefined. */
async function rollBack(client: TransactionClient): Promise<Error | undefined> {
  try {
    await client.query("ROLLBACK");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs `fn` between BEGIN and COMMIT on one connection and gives the connection back to the pool.
 * When `fn` fails, the transaction is rolled back and `fn`'s error is thrown. When the ROLLBACK fails
 * too, the connection is broken: it is released with that error, so the pool destroys it instead of
 * handing it to the next request, and it is still `fn`'s error (the cause) that is thrown.
 */
export async function runTransaction<R>(client: TransactionClient, fn: (tx: Queryable) => Promise<R>): Promise<R> {
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(queryable(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    broken = await rollBack(client);
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A `Db` backed by a real PostgreSQL server through a node-postgres pool. */
export function createPgDb(connectionString: string, options: PgDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? DEFAULT_CONNECTION_TIMEOUT_MS,
    statement_timeout: options.statementTimeoutMillis ?? DEFAULT_STATEMENT_TIMEOUT_MS,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
  });
  const onConnectionError = (error: Error): void => options.onConnectionError?.(error);
  pool.on("error", onConnectionError);
  // The pool listens for errors on idle connections only; a checked-out one without a listener would
  // crash the process with an uncaught 'error' event. Each connection gets one listener, the first time.
  const listened = new WeakSet<pg.PoolClient>();
  const checkOut = async (): Promise<pg.PoolClient> => {
    const client = await pool.connect();
    if (!listened.has(client)) {
      client.on("error", onConnectionError);
      listened.add(client);
    }
    return client;
  };

  return {
    ...queryable(pool),
    async transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
      return runTransaction(await checkOut(), fn);
    },
    async close(): Promise<void> {
      await pool.end();
    },
  };
}
