import { PGlite } from "@electric-sql/pglite";
import type { SqlClient, SqlQuery } from "./sql-client.js";

/** The embedded PostgreSQL (PGlite): in a data folder, or in memory when `dataDir` is undefined. One process only. */
export async function pgliteClient(dataDir?: string): Promise<SqlClient> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const run = (target: Pick<PGlite, "query" | "exec">): SqlQuery => ({
    query: async <Row extends object>(text: string, params?: readonly unknown[]) =>
      (await target.query<Row>(text, params as unknown[])).rows,
    exec: async (text: string) => {
      await target.exec(text);
    },
  });
  return {
    kind: "pglite",
    ...run(db),
    transaction: (fn) => db.transaction((tx) => fn(run(tx))),
    close: () => db.close(),
  };
}
