/**
 * The review history at cohort scale: 200 learners x 50 reviewed pull requests (10,000 reviews,
 * 500,000 findings), seeded set-based, then the recurring-themes lookup of the review path timed for
 * random learners, on PGlite (in memory) and on PostgreSQL when APPRENTICE_BENCH_DATABASE_URL (or
 * APPRENTICE_TEST_DATABASE_URL) is set. Target: < 20 ms (p95 reported too).
 */
import { historyStore } from "../src/storage/history-store.js";
import { migrate } from "../src/storage/migrate.js";
import { pgClient } from "../src/storage/pg-client.js";
import { pgliteClient } from "../src/storage/pglite-client.js";
import { seedHistory } from "../src/storage/seed-history.js";
import type { SqlClient } from "../src/storage/sql-client.js";

const SIZE = { learners: 200, pullsPerLearner: 50, findingsPerReview: 50 };

async function measure(db: SqlClient, name: string): Promise<string[]> {
  await migrate(db);
  let start = performance.now();
  await seedHistory(db, SIZE);
  const seedMs = performance.now() - start;
  const store = historyStore(db);
  const samples: number[] = [];
  for (let run = 0; run < 220; run += 1) {
    const learner = 1 + ((run * 37) % SIZE.learners);
    start = performance.now();
    await store.recentReviews({ installationId: 1, authorId: 1000 + learner }, { limit: 9, exclude: { repository: "cohort/repo-0", pullNumber: 1 } });
    if (run >= 20) samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => (samples[Math.floor(q * (samples.length - 1))] ?? Number.NaN).toFixed(2);
  return [`  ${name.padEnd(34)} seed ${(seedMs / 1000).toFixed(1)} s; recurring-themes query p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (target < 20 ms)`];
}

export async function runHistoryBench(): Promise<string[]> {
  const lines = [`Review history, ${SIZE.learners} learners x ${SIZE.pullsPerLearner} pull requests (${SIZE.learners * SIZE.pullsPerLearner} reviews, ${SIZE.learners * SIZE.pullsPerLearner * SIZE.findingsPerReview} findings):`];
  const lite = await pgliteClient();
  try {
    lines.push(...(await measure(lite, "PGlite (embedded, in memory)")));
  } finally {
    await lite.close();
  }
  const url = process.env.APPRENTICE_BENCH_DATABASE_URL ?? process.env.APPRENTICE_TEST_DATABASE_URL;
  if (!url) return [...lines, "  PostgreSQL: skipped (set APPRENTICE_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)"];
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
