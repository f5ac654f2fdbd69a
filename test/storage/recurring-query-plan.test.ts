import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recentReviewsQuery } from "../../src/storage/history-store.js";
import { seedHistory } from "../../src/storage/seed-history.js";
import type { SqlClient } from "../../src/storage/sql-client.js";
import { DATABASES, freshDatabase } from "./test-database.js";

/**
 * The recurring-themes lookup runs on every review: its plan must read both tables through indexes.
 * With sequential scans priced out, the planner still picks one only when no index fits, so dropping
 * `reviews_learner_recent` or the primary key of `review_checks` fails this test.
 */
describe.each(DATABASES)("the recurring-themes query on %s", (kind) => {
  let db: SqlClient;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshDatabase(kind));
    await seedHistory(db, { learners: 20, pullsPerLearner: 15, findingsPerReview: 10 });
  });
  afterAll(async () => drop());

  async function plan(): Promise<string> {
    const { text, params } = recentReviewsQuery({ installationId: 1, authorId: 1005 }, 10, {
      repository: "cohort/repo-0",
      pullNumber: 5001,
    });
    return db.transaction(async (tx) => {
      await tx.exec("SET LOCAL enable_seqscan = off");
      const rows = await tx.query<{ "QUERY PLAN": string }>(`EXPLAIN ${text}`, params);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  it("uses the learner index on reviews and the checks' primary key, never the findings", async () => {
    const text = await plan();
    expect(text).not.toMatch(/Seq Scan/);
    expect(text).not.toMatch(/findings/);
    expect(text).toMatch(/reviews_learner_recent/);
    expect(text).toMatch(/review_checks_pkey/);
  });

  it("fails without the checks' primary key (the test can fail)", async () => {
    await db.exec("ALTER TABLE review_checks DROP CONSTRAINT review_checks_pkey");
    try {
      expect(await plan()).toMatch(/Seq Scan on review_checks/);
    } finally {
      await db.exec("ALTER TABLE review_checks ADD PRIMARY KEY (review_id, rule_id)");
    }
  });
});
