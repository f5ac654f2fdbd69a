/**
 * The dashboard's pages on a seeded cohort (200 learners × 50 reviewed pull requests, 50 findings each:
 * 10,000 reviews, 500,000 findings): p95 of the cohort page and of learner pages, each query plus
 * rendering, on embedded PGlite and, when one answers on 127.0.0.1:5432 (or DATABASE_URL), on real
 * PostgreSQL in a throwaway schema. The goal is under 100 ms p95. The baseline, timed in the same run
 * and alternated with the pages, is the same pages on the queries from before the history kept
 * summaries (bench/baseline/dashboard-queries-v1.ts, which aggregate the findings at read time); the
 * ratio is current / baseline. Also runs alone: `npx tsx bench/dashboard-bench.ts`.
 */
import { fileURLToPath } from "node:url";
import { readLesson } from "../src/app/default-deps.js";
import { cohortView, learnerView } from "../src/dashboard/dashboard-queries.js";
import { cohortPage } from "../src/dashboard/render/cohort-page.js";
import { learnerPage } from "../src/dashboard/render/learner-page.js";
import { lessonTitle } from "../src/dashboard/render/lesson-page.js";
import { migrate } from "../src/storage/migrate.js";
import { pgClient } from "../src/storage/pg-client.js";
import { pgliteClient } from "../src/storage/pglite-client.js";
import type { SqlClient } from "../src/storage/sql-client.js";
import * as v1 from "./baseline/dashboard-queries-v1.js";
import { seedCohort } from "./seed-cohort.js";

const p95 = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? Number.NaN;
const SEED = { installationId: 7, learners: 200, pulls: 50, findingsPerPull: 50 };

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? Number.NaN;

interface PageTimes {
  cohort: number[];
  learner: number[];
}

async function timePages(db: SqlClient): Promise<{ now: PageTimes; before: PageTimes }> {
  const now = new Date();
  const title = (ruleId: string): string => lessonTitle(ruleId, readLesson(ruleId));
  const logins = (
    await db.query<{ author_login: string }>(
      "SELECT DISTINCT author_login FROM reviews WHERE installation_id = $1 ORDER BY 1",
      [SEED.installationId],
    )
  ).map((row) => row.author_login);
  const queries = {
    now: { cohortView, learnerView },
    before: { cohortView: v1.cohortView, learnerView: v1.learnerView },
  };
  const cohortTime = async (which: keyof typeof queries): Promise<number> => {
    const start = performance.now();
    cohortPage(await queries[which].cohortView(db, SEED.installationId, "cohort", now), "mentor", now);
    return performance.now() - start;
  };
  const learnerTime = async (which: keyof typeof queries, login: string): Promise<number> => {
    const start = performance.now();
    learnerPage((await queries[which].learnerView(db, SEED.installationId, login, title))!, "mentor");
    return performance.now() - start;
  };
  for (let warm = 0; warm < 3; warm++) {
    await cohortTime("now");
    await learnerTime("now", logins[warm]!);
    await learnerTime("before", logins[warm]!);
  }
  await cohortTime("before");
  const times = {
    now: { cohort: [] as number[], learner: [] as number[] },
    before: { cohort: [] as number[], learner: [] as number[] },
  };
  // The baseline's cohort page takes seconds: 5 of those, each between two of the current page's.
  for (let run = 0; run < 20; run++) {
    times.now.cohort.push(await cohortTime("now"));
    if (run % 4 === 1) times.before.cohort.push(await cohortTime("before"));
  }
  for (let run = 0; run < 60; run++) {
    const login = logins[(run * 7) % logins.length]!;
    const order: (keyof typeof queries)[] = run % 2 === 0 ? ["now", "before"] : ["before", "now"];
    for (const which of order) times[which].learner.push(await learnerTime(which, login));
  }
  return times;
}

async function onDatabase(
  name: string,
  open: () => Promise<SqlClient>,
  cleanup: (db: SqlClient) => Promise<void>,
): Promise<string[]> {
  const db = await open();
  try {
    await migrate(db);
    const seeded = performance.now();
    await seedCohort(db, SEED);
    const seedSeconds = (performance.now() - seeded) / 1000;
    const { now, before } = await timePages(db);
    const line = (page: string, current: number[], baseline: number[]) =>
      `  ${name.padEnd(12)} ${page.padEnd(13)} p95 ${p95(current).toFixed(1)} ms, median ${median(current).toFixed(1)} ms; before the summaries p95 ${p95(baseline).toFixed(1)} ms, median ${median(baseline).toFixed(1)} ms; ratio of medians ${(median(current) / median(baseline)).toFixed(3)}x`;
    return [
      line("cohort page", now.cohort, before.cohort),
      line("learner page", now.learner, before.learner),
      `  ${name.padEnd(12)} seeded in ${seedSeconds.toFixed(0)} s`,
    ];
  } finally {
    await cleanup(db).catch(() => undefined);
    await db.close();
  }
}

export async function runDashboardBench(): Promise<string[]> {
  const lines = [
    `dashboard pages, query + render (${SEED.learners} learners × ${SEED.pulls} pull requests, ${SEED.learners * SEED.pulls * SEED.findingsPerPull} findings; goal < 100 ms p95):`,
  ];
  lines.push(
    ...(await onDatabase(
      "PGlite",
      () => pgliteClient(),
      async () => {},
    )),
  );
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const schema = `apprentice_dashboard_bench_${process.pid}`;
  try {
    lines.push(
      ...(await onDatabase(
        "PostgreSQL",
        () => pgClient(url, schema),
        (db) => db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`),
      )),
    );
  } catch (error) {
    lines.push(`  PostgreSQL   skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await runDashboardBench()).join("\n"));
