/** The little Apprentice needs from a PostgreSQL connection: parameterised queries and transactions. */
export interface SqlClient {
  query<Row extends object = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `fn` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlQuery) => Promise<T>): Promise<T>;
  /** Several statements without parameters (migrations, bulk seeding). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  /** "postgres" for a server through `pg`, "pglite" for the embedded database. */
  readonly kind: "postgres" | "pglite";
}

export type SqlQuery = Pick<SqlClient, "query" | "exec">;
