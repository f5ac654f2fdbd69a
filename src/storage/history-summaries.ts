import type { SqlQuery } from "./sql-client.js";

/**
 * The summaries the review path and the dashboard read instead of the findings, kept in step with the
 * reviews inside each writing transaction (record, forget, prune, delete):
 *
 * - `review_checks`: each check that fired in a review, once, at its most urgent level (rank 0
 *   essential, 1 actionable, 2 informative; celebratory findings are left out), with its finding count.
 * - `learner_themes`: per learner of an installation, each check of their last 10 reviewed pull requests
 *   (newest review of each), in how many of them it fired, and the first of them where it did.
 * - `learners`: per learner of an installation, their pull request count, newest review, and how many
 *   checks fired in at least 2 of their last 10 pull requests.
 * - `check_days`: per installation, UTC day and check, the pull requests (newest review of each) reviewed
 *   that day in which the check fired: the cohort's weekly trend is a sum over at most 56 days.
 *
 * Only GitHub pull requests (installation and pull number above 0) count toward a cohort; local
 * reviews have `review_checks` only.
 */

/** Pull requests, not local reviews, and only the newest review of each: what a cohort counts. */
const COUNTED = "r.installation_id > 0 AND r.pull_number > 0 AND r.latest";

/** Fills every summary from `reviews` and `findings` (the migration's backfill, and the seeds). */
export const REBUILD_SUMMARIES_SQL = `
DELETE FROM review_checks;
DELETE FROM learner_themes;
DELETE FROM learners;
DELETE FROM check_days;
INSERT INTO review_checks (review_id, rule_id, rank, findings)
SELECT review_id, rule_id, min(CASE level WHEN 'essential' THEN 0 WHEN 'actionable' THEN 1 ELSE 2 END), count(*)
FROM findings WHERE level <> 'celebratory' GROUP BY review_id, rule_id ORDER BY review_id, rule_id;
INSERT INTO learner_themes (installation_id, author_id, rule_id, pulls, rank, first_review_id)
SELECT r.installation_id, r.author_id, c.rule_id, count(*), min(c.rank), (array_agg(r.id ORDER BY r.reviewed_at, r.id))[1]
FROM (SELECT id, installation_id, author_id, reviewed_at,
        row_number() OVER (PARTITION BY installation_id, author_id ORDER BY reviewed_at DESC, id DESC) AS n
      FROM reviews r WHERE ${COUNTED}) r
JOIN review_checks c ON c.review_id = r.id
WHERE r.n <= 10
GROUP BY r.installation_id, r.author_id, c.rule_id;
INSERT INTO learners (installation_id, author_id, author_login, pulls, latest_review_id, last_at, recurring)
SELECT r.installation_id, r.author_id, r.author_login, r.pulls, r.id, r.reviewed_at,
  (SELECT count(*) FROM learner_themes t WHERE t.installation_id = r.installation_id AND t.author_id = r.author_id AND t.pulls >= 2)
FROM (SELECT id, installation_id, author_id, author_login, reviewed_at,
        row_number() OVER (PARTITION BY installation_id, author_id ORDER BY reviewed_at DESC, id DESC) AS n,
        count(*) OVER (PARTITION BY installation_id, author_id) AS pulls
      FROM reviews r WHERE ${COUNTED}) r
WHERE r.n = 1;
INSERT INTO check_days (installation_id, day, rule_id, pulls)
SELECT r.installation_id, (r.reviewed_at AT TIME ZONE 'UTC')::date, c.rule_id, count(*)
FROM reviews r JOIN review_checks c ON c.review_id = r.id
WHERE ${COUNTED}
GROUP BY 1, 2, 3;
ANALYZE review_checks;
ANALYZE learner_themes;
ANALYZE learners;
ANALYZE check_days;
`;

/** Rebuilds every summary from the reviews and findings (after a set-based seed). */
export async function rebuildSummaries(db: SqlQuery): Promise<void> {
  await db.exec(REBUILD_SUMMARIES_SQL);
}

/**
 * Serialises the summary writes of one installation (PostgreSQL; PGlite has one connection anyway):
 * two reviews recorded at once would otherwise each recount a learner without the other's review.
 */
export async function lockInstallation(tx: SqlQuery, installationId: number): Promise<void> {
  if (installationId > 0)
    await tx.query("SELECT pg_advisory_xact_lock(7250332, hashtext($1::text))", [String(installationId)]);
}

/** The checks of one review, as `review_checks` rows: `rules` pairs each finding's check with its level. */
export async function insertReviewChecks(
  tx: SqlQuery,
  reviewId: number,
  findings: readonly { ruleId: string; level: string }[],
): Promise<void> {
  const checks = new Map<string, { rank: number; findings: number }>();
  for (const finding of findings) {
    if (finding.level === "celebratory") continue;
    const rank = finding.level === "essential" ? 0 : finding.level === "actionable" ? 1 : 2;
    const entry = checks.get(finding.ruleId);
    if (entry) {
      entry.rank = Math.min(entry.rank, rank);
      entry.findings += 1;
    } else checks.set(finding.ruleId, { rank, findings: 1 });
  }
  if (checks.size === 0) return;
  const rules = [...checks.keys()];
  await tx.query(
    "INSERT INTO review_checks (review_id, rule_id, rank, findings) SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::int[])",
    [reviewId, rules, rules.map((rule) => checks.get(rule)!.rank), rules.map((rule) => checks.get(rule)!.findings)],
  );
}

/**
 * Adds (`+1`) or removes (`-1`) the counted reviews matching `where` (over `reviews r`) from the cohort's
 * day counts. Call with -1 before such reviews are deleted or stop being their pull request's newest.
 */
export async function countDays(tx: SqlQuery, sign: 1 | -1, where: string, params: readonly unknown[]): Promise<void> {
  const rows = `SELECT r.installation_id, (r.reviewed_at AT TIME ZONE 'UTC')::date AS day, c.rule_id, count(*) AS n
    FROM reviews r JOIN review_checks c ON c.review_id = r.id WHERE ${COUNTED} AND (${where}) GROUP BY 1, 2, 3`;
  if (sign === 1) {
    await tx.query(
      `INSERT INTO check_days (installation_id, day, rule_id, pulls) SELECT * FROM (${rows}) AS added ORDER BY 1, 2, 3
       ON CONFLICT (installation_id, day, rule_id) DO UPDATE SET pulls = check_days.pulls + excluded.pulls`,
      params,
    );
    return;
  }
  const gone = await tx.query<{ installation_id: string | number }>(
    `UPDATE check_days d SET pulls = d.pulls - gone.n FROM (${rows}) AS gone
     WHERE d.installation_id = gone.installation_id AND d.day = gone.day AND d.rule_id = gone.rule_id RETURNING d.installation_id`,
    params,
  );
  for (const installationId of new Set(gone.map((row) => Number(row.installation_id)))) {
    await tx.query("DELETE FROM check_days WHERE installation_id = $1 AND pulls <= 0", [installationId]);
  }
}

/** Recounts one learner's `learner_themes` and `learners` rows from their reviews (none left: no rows). */
export async function refreshLearner(tx: SqlQuery, installationId: number, authorId: number): Promise<void> {
  const key = [installationId, authorId];
  const mine = `SELECT id, author_login, reviewed_at FROM reviews r WHERE r.installation_id = $1 AND r.author_id = $2 AND ${COUNTED}`;
  await tx.query("DELETE FROM learner_themes WHERE installation_id = $1 AND author_id = $2", key);
  await tx.query("DELETE FROM learners WHERE installation_id = $1 AND author_id = $2", key);
  await tx.query(
    `INSERT INTO learner_themes (installation_id, author_id, rule_id, pulls, rank, first_review_id)
     SELECT $1, $2, c.rule_id, count(*), min(c.rank), (array_agg(r.id ORDER BY r.reviewed_at, r.id))[1]
     FROM (${mine} ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 10) r JOIN review_checks c ON c.review_id = r.id
     GROUP BY c.rule_id`,
    key,
  );
  await tx.query(
    `INSERT INTO learners (installation_id, author_id, author_login, pulls, latest_review_id, last_at, recurring)
     SELECT $1, $2, newest.author_login, (SELECT count(*) FROM (${mine}) AS r), newest.id, newest.reviewed_at,
       (SELECT count(*) FROM learner_themes t WHERE t.installation_id = $1 AND t.author_id = $2 AND t.pulls >= 2)
     FROM (${mine} ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1) AS newest`,
    key,
  );
}

/** Deletes the reviews matching `where` (over `reviews r`), keeping the summaries in step; returns how many. */
export async function deleteReviews(tx: SqlQuery, where: string, params: readonly unknown[]): Promise<number> {
  await countDays(tx, -1, where, params);
  const deleted = await tx.query<{ installation_id: string | number; author_id: string | number; counted: boolean }>(
    `DELETE FROM reviews r WHERE ${where} RETURNING r.installation_id, r.author_id, (${COUNTED}) AS counted`,
    params,
  );
  const learners = new Map<string, [number, number]>();
  for (const row of deleted)
    if (row.counted)
      learners.set(`${row.installation_id}:${row.author_id}`, [Number(row.installation_id), Number(row.author_id)]);
  for (const [installationId, authorId] of learners.values()) await refreshLearner(tx, installationId, authorId);
  return deleted.length;
}
