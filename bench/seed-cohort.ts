/**
 * Seeds a cohort into the history database with set-based SQL (seconds, not minutes): `learners`
 * learners with `pulls` reviewed pull requests each, one every few days up to `now`, three criteria
 * whose scores rise over time, and `findingsPerPull` findings per review drawn from real check ids with
 * a per-learner skew (so the heatmap and the recurring themes differ between learners). Deterministic
 * for the same arguments (setseed). Used by the dashboard bench, its tests and the screenshot script.
 */
import { rebuildSummaries } from "../src/storage/history-summaries.js";
import type { SqlClient } from "../src/storage/sql-client.js";

export interface SeedOptions {
  installationId: number;
  learners: number;
  pulls: number;
  findingsPerPull: number;
  now?: Date;
  /** Account the repositories live under ("cohort/learner-001-api"). */
  owner?: string;
}

/** Real check ids, most frequent first (the seed picks low indexes more often), with criterion and level. */
const RULES: [string, string, string][] = [
  ["console-log", "clean-code", "actionable"],
  ["test-missing", "tests", "actionable"],
  ["unused-code", "clean-code", "actionable"],
  ["strict-equality", "clean-code", "actionable"],
  ["route-untested", "tests", "actionable"],
  ["long-function", "clean-code", "informative"],
  ["sql-injection", "security", "essential"],
  ["error-disclosure", "security", "actionable"],
  ["empty-catch", "clean-code", "actionable"],
  ["missing-authorization", "security", "essential"],
  ["no-var", "clean-code", "actionable"],
  ["hardcoded-secret", "security", "essential"],
  ["complexity", "clean-code", "actionable"],
  ["test-without-assertion", "tests", "actionable"],
  ["mass-assignment", "security", "actionable"],
  ["insecure-cookie", "security", "actionable"],
  ["max-depth", "clean-code", "actionable"],
  ["plaintext-password", "security", "essential"],
  ["jwt-without-expiry", "security", "informative"],
  ["commented-out-code", "clean-code", "informative"],
  ["weak-crypto", "security", "essential"],
  ["path-traversal", "security", "essential"],
  ["test-skipped", "tests", "actionable"],
  ["no-explicit-any", "clean-code", "actionable"],
  ["insecure-random", "security", "essential"],
  ["max-params", "clean-code", "informative"],
  ["xss", "security", "essential"],
  ["cors-misconfig", "security", "essential"],
  ["open-redirect", "security", "actionable"],
  ["nosql-injection", "security", "essential"],
];

const NAMES = [
  "ada",
  "grace",
  "linus",
  "margaret",
  "ken",
  "barbara",
  "dennis",
  "frances",
  "alan",
  "radia",
  "guido",
  "katherine",
  "tim",
  "hedy",
  "bjarne",
  "annie",
  "donald",
  "sophie",
  "edsger",
  "joan",
];

const sqlList = (values: string[]): string =>
  `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

export async function seedCohort(db: SqlClient, options: SeedOptions): Promise<void> {
  const now = options.now ?? new Date();
  const owner = options.owner ?? "cohort";
  const { installationId, learners, pulls, findingsPerPull } = options;
  const names = sqlList(NAMES);
  await db.transaction(async (tx) => {
    await tx.query("SELECT setseed(0.42)");
    await tx.query(
      `INSERT INTO reviews (installation_id, repository, repository_id, pull_number, pull_url, head_sha, base_sha, author_login, author_id,
         rubric_id, rubric_hash, reviewed_at, conclusion, source, latest)
       SELECT $1::bigint, $2::text || '/' || login || '-api', $1::bigint * 100000 + l, p,
         'https://github.com/' || $2::text || '/' || login || '-api/pull/' || p, md5($1::text || '-' || l || '-' || p), md5('base-' || l || '-' || p),
         login, $1::bigint * 100000 + l, 'junior-backend', 'seed',
         $3::timestamptz - ((($5::int - p) * 3.5 + (l % 5) * 0.4 + random()) * interval '1 day'),
         (ARRAY['failure','neutral','success'])[1 + floor(random() * 3)::int], 'app', true
       FROM generate_series(1, $4::int) AS l
       CROSS JOIN LATERAL (SELECT (${names})[1 + (l - 1) % ${NAMES.length}] || CASE WHEN l > ${NAMES.length} THEN '-' || ((l - 1) / ${NAMES.length}) ELSE '' END AS login) AS n
       CROSS JOIN generate_series(1, $5::int) AS p`,
      [installationId, owner, now.toISOString(), learners, pulls],
    );
    await tx.query(
      `INSERT INTO review_criteria (review_id, criterion, title, score, max, level)
       SELECT id, c.criterion, c.title, s.score, 10,
         CASE WHEN s.score >= 9 THEN 'exemplary' WHEN s.score >= 7 THEN 'proficient' WHEN s.score >= 4 THEN 'developing' ELSE 'beginning' END
       FROM reviews r
       CROSS JOIN (VALUES ('tests', 'Tests', 0), ('security', 'Security', 1), ('clean-code', 'Clean code', 2)) AS c (criterion, title, k)
       CROSS JOIN LATERAL (SELECT round(least(10, greatest(0, 2.5 + (r.pull_number::real / $2) * 5 + ((r.author_id + c.k * 3) % 7) / 3.0
         + random() * 2.4 - 1.2 + 0 * r.id))::numeric, 1)::real AS score) AS s
       WHERE r.installation_id = $1`,
      [installationId, pulls],
    );
    await tx.query(
      `INSERT INTO findings (review_id, rule_id, criterion, category, level, fingerprint, path, line)
       SELECT id, (${sqlList(RULES.map((rule) => rule[0]))})[i], (${sqlList(RULES.map((rule) => rule[1]))})[i], NULL,
         (${sqlList(RULES.map((rule) => rule[2]))})[i], md5(id || '-' || g), 'src/routes/module-' || (g % 9) || '.js', 1 + g * 3
       FROM (SELECT r.id, g, 1 + ((floor(power(random(), 1.7 + (r.author_id % 5) * 0.25 + r.pull_number::real / $3) * ${RULES.length})::int
               + (r.author_id % 4) * (g % 2)) % ${RULES.length}) AS i
             FROM reviews r CROSS JOIN generate_series(1, $2::int) AS g WHERE r.installation_id = $1) AS picked`,
      [installationId, findingsPerPull, pulls],
    );
  });
  await db.query("ANALYZE reviews");
  await db.query("ANALYZE review_criteria");
  await db.query("ANALYZE findings");
  // The summaries the pages read, rebuilt from the seeded rows as the migration's backfill does.
  await rebuildSummaries(db);
}
