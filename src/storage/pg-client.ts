import pg from "pg";
import type { SqlClient, SqlQuery } from "./sql-client.js";

/**
 * A PostgreSQL server through `pg`'s pool. `schema`, when given, is created if missing and put first on
 * every connection's search_path (tests use one schema per run; production uses `public`).
 */
export async function pgClient(connectionString: string, schema?: string): Promise<SqlClient> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: 5,
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  pool.on("error", () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const run = (client: pg.Pool | pg.PoolClient): SqlQuery => ({
    query: async <Row extends object>(text: string, params?: readonly unknown[]) =>
      (await client.query(text, params as unknown[])).rows as Row[],
    exec: async (text: string) => {
      await client.query(text);
    },
  });
  return {
    kind: "postgres",
    ...run(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(run(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
