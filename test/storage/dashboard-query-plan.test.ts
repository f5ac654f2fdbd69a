import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCohort } from "../../bench/seed-cohort.js";
import { cohortView, learnerView } from "../../src/dashboard/dashboard-queries.js";
import type { SqlClient, SqlQuery } from "../../src/storage/sql-client.js";
import { DATABASES, freshDatabase } from "./test-database.js";

/**
 * The dashboard's pages read the summaries through indexes, never the findings: every query the cohort
 * and learner pages run is explained with sequential scans priced out, so a missing index (or a query
 * that went back to the findings) fails this test. Without `reviews_login` the learner lookup filters
 * every review of the installation by login, which the last test shows the second one would catch.
 */
describe.each(DATABASES)("the dashboard's queries on %s", (kind) => {
  let db: SqlClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind));
    await seedCohort(db, { installationId: 7, learners: 12, pulls: 14, findingsPerPull: 8 });
  }, 60_000);
  afterAll(async () => drop());

  /** Runs the page's queries, recording each, then explains each one. */
  async function plans(page: (recorder: SqlQuery) => Promise<unknown>): Promise<string[]> {
    const seen: { text: string; params: readonly unknown[] }[] = [];
    const recorder: SqlQuery = {
      query: async (text, params = []) => {
        seen.push({ text, params });
        return db.query(text, params);
      },
      exec: (text) => db.exec(text),
    };
    await page(recorder);
    expect(seen.length).toBeGreaterThan(0);
    return db.transaction(async (tx) => {
      await tx.exec("SET LOCAL enable_seqscan = off");
      const out: string[] = [];
      for (const { text, params } of seen) {
        const rows = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params);
        out.push(rows.map((row) => row["QUERY PLAN"]).join("\n"));
      }
      return out;
    });
  }

  it("the cohort page reads learners, learner_themes and check_days by their keys", async () => {
    const explained = (await plans((q) => cohortView(q, 7, "cohort"))).join("\n---\n");
    expect(explained).not.toMatch(/Seq Scan/);
    expect(explained).not.toMatch(/findings/);
    expect(explained).toMatch(/learners_pkey/);
    expect(explained).toMatch(/learner_themes_pkey/);
    expect(explained).toMatch(/check_days_pkey/);
  });

  it("the learner page finds the learner by login through reviews_login", async () => {
    const explained = (await plans((q) => learnerView(q, 7, "Ada", (id) => id))).join("\n---\n");
    expect(explained).not.toMatch(/Seq Scan/);
    expect(explained).not.toMatch(/ findings /);
    expect(explained).toMatch(/reviews_login/);
  });

  it("fails without the login index (the test can fail)", async () => {
    await db.exec("DROP INDEX reviews_login");
    try {
      // Without it, every review of the installation is read and its login compared, one by one.
      const explained = (await plans((q) => learnerView(q, 7, "ada", (id) => id))).join("\n");
      expect(explained).not.toMatch(/reviews_login/);
      expect(explained).toMatch(/Filter: \(lower\(author_login\)/);
    } finally {
      await db.exec("CREATE INDEX reviews_login ON reviews (installation_id, lower(author_login), reviewed_at DESC)");
    }
  });
});
