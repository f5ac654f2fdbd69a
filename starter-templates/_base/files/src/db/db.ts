/** A row as returned by a query: column names mapped to values. */
export type Row = Record<string, unknown>;

/** What a transaction callback may do: run queries on the same connection. */
export interface Queryable {
  /** Runs one parameterised statement ($1, $2, ...) and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/** The database, whichever engine runs it (PostgreSQL through pg, or the embedded PGlite). */
export interface Db extends Queryable {
  /** Runs `fn` in a transaction: commits when it resolves, rolls back when it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
