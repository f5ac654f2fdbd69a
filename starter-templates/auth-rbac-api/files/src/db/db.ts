/** A row as returned by the driver: column name to value. */
export type Row = Record<string, unknown>;

/** What repositories need to run SQL. Always pass values as parameters ($1, $2, ...), never in the SQL text. */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

/** The database the app talks to: node-postgres against a server, or the embedded PGlite. */
export interface Db extends Queryable {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
