/**
 * The review history at cohort scale: 200 learners x 50 reviewed pull requests (10,000 reviews,
 * 500,000 findings), seeded set-based, then the recurring-themes lookup of the review path timed for
 * random learners, on PGlite (in memory) and on PostgreSQL when APPRENTICE_BENCH_DATABASE_URL (or
 * APPRENTICE_TEST_DATABASE_URL) is set. Target: < 20 ms (p95 reported too). The baseline, alternated
 * with it in the same run, is the lookup from before the history kept `review_checks` (migration 2):
 * the same reviews, with each one's findings grouped by check at read time.
 */
import { historyStore, recentReviewsQuery } from "../src/storage/history-store.js";
import { migrate } from "../src/storage/migrate.js";
import { pgClient } from "../src/storage/pg-client.js";
import { pgliteClient } from "../src/storage/pglite-client.js";
import { seedHistory } from "../src/storage/seed-history.js";
import type { SqlClient } from "../src/storage/sql-client.js";

const SIZE = { learners: 200, pullsPerLearner: 50, findingsPerReview: 50 };

/** The same lookup over `findings` (grouped per review at read time), as it was before migration 2. */
function beforeSummaries(current: { text: string; params: unknown[] }): { text: string; params: unknown[] } {
  const text = current.text.replace(
    /SELECT r\.\*, c\.rules, c\.ranks[\s\S]*$/,
    `SELECT r.*, f.rule_id, f.rank FROM recent r LEFT JOIN LATERAL (
       SELECT f.rule_id, min(CASE f.level WHEN 'essential' THEN 0 WHEN 'actionable' THEN 1 ELSE 2 END) AS rank FROM findings f
       WHERE f.review_id = r.id AND f.level <> 'celebratory' GROUP BY f.rule_id) f ON true`,
  );
  if (text === current.text)
    throw new Error("history bench: the recurring-themes query changed shape; update its baseline");
  return { text, params: current.params };
}

async function measure(db: SqlClient, name: string): Promise<string[]> {
  await migrate(db);
  let start = performance.now();
  await seedHistory(db, SIZE);
  const seedMs = performance.now() - start;
  const store = historyStore(db);
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < 220; run += 1) {
    const key = { installationId: 1, authorId: 1000 + 1 + ((run * 37) % SIZE.learners) };
    const exclude = { repository: "cohort/repo-0", pullNumber: 1 };
    const timeNow = async () => {
      start = performance.now();
      await store.recentReviews(key, { limit: 9, exclude });
      if (run >= 20) samples.push(performance.now() - start);
    };
    const timeBefore = async () => {
      const { text, params } = beforeSummaries(recentReviewsQuery(key, 9, exclude));
      start = performance.now();
      await db.query(text, params);
      if (run >= 20) baseline.push(performance.now() - start);
    };
    if (run % 2 === 0) {
      await timeNow();
      await timeBefore();
    } else {
      await timeBefore();
      await timeNow();
    }
  }
  const at = (values: number[], q: number) =>
    [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))] ?? Number.NaN;
  return [
    `  ${name.padEnd(34)} seed ${(seedMs / 1000).toFixed(1)} s; recurring-themes query p50 ${at(samples, 0.5).toFixed(2)} ms, p95 ${at(samples, 0.95).toFixed(2)} ms (target < 20 ms)`,
    `  ${"".padEnd(34)} before review_checks: p50 ${at(baseline, 0.5).toFixed(2)} ms, p95 ${at(baseline, 0.95).toFixed(2)} ms; ratio of p50s ${(at(samples, 0.5) / at(baseline, 0.5)).toFixed(3)}x`,
  ];
}

export async function runHistoryBench(): Promise<string[]> {
  const lines = [
    `Review history, ${SIZE.learners} learners x ${SIZE.pullsPerLearner} pull requests (${SIZE.learners * SIZE.pullsPerLearner} reviews, ${SIZE.learners * SIZE.pullsPerLearner * SIZE.findingsPerReview} findings):`,
  ];
  const lite = await pgliteClient();
  try {
    lines.push(...(await measure(lite, "PGlite (embedded, in memory)")));
  } finally {
    await lite.close();
  }
  const url = process.env.APPRENTICE_BENCH_DATABASE_URL ?? process.env.APPRENTICE_TEST_DATABASE_URL;
  if (!url)
    return [
      ...lines,
      "  PostgreSQL: skipped (set APPRENTICE_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)",
    ];
  const schema = `apprentice_bench_${process.pid}`;
  const pg = await pgClient(url, schema);
  try {
    lines.push(...(await measure(pg, "PostgreSQL")));
  } finally {
    await pg.exec(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await pg.close();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await runHistoryBench()).join("\n"));
