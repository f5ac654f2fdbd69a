/**
 * The dashboard queries as they were before the history kept summaries (migration 2): they aggregate
 * the findings at read time. Kept only as the dashboard bench's baseline, timed in the same run as
 * src/dashboard/dashboard-queries.ts. Not used by the App.
 */
import type { SqlQuery } from "../../src/storage/sql-client.js";
import type {
  CohortLearner,
  CohortView,
  CriterionLevel,
  LearnerPull,
  LearnerView,
  RecurringTheme,
} from "../../src/dashboard/dashboard-views.js";

const TREND_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

interface LearnerRow {
  author_id: string | number;
  author_login: string;
  pulls: string | number;
  last_at: Date | string;
  recurring: string | number;
  criteria: CriterionLevel[] | string | null;
}

/** The cohort page's data: three queries over the newest review of each pull request in the installation. */
export async function cohortView(
  db: SqlQuery,
  installationId: number,
  account: string,
  now = new Date(),
): Promise<CohortView> {
  // Rolling weeks ending now, so the newest week is a whole one.
  const firstWeek = new Date(now.getTime() - TREND_WEEKS * WEEK_MS);
  const weeks = Array.from(
    { length: TREND_WEEKS },
    (_unused, index) => new Date(firstWeek.getTime() + index * WEEK_MS),
  );
  const learnerRows = await db.query<LearnerRow>(
    `WITH ranked AS (
       SELECT id, author_id, author_login, reviewed_at,
         row_number() OVER (PARTITION BY author_id ORDER BY reviewed_at DESC) AS n, count(*) OVER (PARTITION BY author_id) AS pulls
       FROM reviews WHERE installation_id = $1 AND latest AND pull_number > 0),
     themes AS (
       SELECT author_id, count(*) AS recurring FROM (
         SELECT r.author_id, f.rule_id FROM ranked r JOIN findings f ON f.review_id = r.id
         WHERE r.n <= 10 AND f.level <> 'celebratory' GROUP BY r.author_id, f.rule_id HAVING count(DISTINCT r.id) >= 2) AS t
       GROUP BY author_id)
     SELECT r.author_id, r.author_login, r.pulls, r.reviewed_at AS last_at, coalesce(t.recurring, 0) AS recurring,
       (SELECT json_agg(json_build_object('criterion', c.criterion, 'title', c.title, 'score', c.score, 'max', c.max, 'level', c.level) ORDER BY c.criterion)
        FROM review_criteria c WHERE c.review_id = r.id) AS criteria
     FROM ranked r LEFT JOIN themes t ON t.author_id = r.author_id WHERE r.n = 1 ORDER BY lower(r.author_login)`,
    [installationId],
  );
  const learners: CohortLearner[] = learnerRows.map((row) => ({
    login: row.author_login,
    authorId: Number(row.author_id),
    pulls: Number(row.pulls),
    recurring: Number(row.recurring),
    lastActivity: toDate(row.last_at),
    latest: typeof row.criteria === "string" ? (JSON.parse(row.criteria) as CriterionLevel[]) : (row.criteria ?? []),
  }));
  const fired = await db.query<{ author_id: string | number; rule_id: string; week: number; pulls: string | number }>(
    `SELECT r.author_id, f.rule_id, floor(extract(epoch FROM r.reviewed_at - $2::timestamptz) / ${WEEK_MS / 1000})::int AS week, count(DISTINCT r.id) AS pulls
     FROM reviews r JOIN findings f ON f.review_id = r.id
     WHERE r.installation_id = $1 AND r.latest AND r.pull_number > 0 AND r.reviewed_at >= $2 AND f.level <> 'celebratory'
     GROUP BY 1, 2, 3`,
    [installationId, firstWeek.toISOString()],
  );
  const totals = new Map<string, { total: number; weekly: number[] }>();
  const byLearner = new Map<string, number>();
  for (const row of fired) {
    const entry = totals.get(row.rule_id) ?? { total: 0, weekly: new Array<number>(TREND_WEEKS).fill(0) };
    const pulls = Number(row.pulls);
    entry.total += pulls;
    if (row.week >= 0 && row.week < TREND_WEEKS) entry.weekly[row.week]! += pulls;
    totals.set(row.rule_id, entry);
    const key = `${row.author_id} ${row.rule_id}`;
    byLearner.set(key, (byLearner.get(key) ?? 0) + pulls);
  }
  const topChecks = [...totals]
    .map(([ruleId, entry]) => ({ ruleId, ...entry }))
    .sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 10);
  const heatmap = learners.map((learner) =>
    topChecks.map((check) => byLearner.get(`${learner.authorId} ${check.ruleId}`) ?? 0),
  );
  const criteria = [
    ...new Map(learners.flatMap((learner) => learner.latest.map((level) => [level.criterion, level.title] as const))),
  ].map(([criterion, title]) => ({ criterion, title }));
  return { installationId, account, criteria, learners, weeks, topChecks, heatmap };
}

interface PullRow {
  id: string | number;
  author_id: string | number;
  author_login: string;
  repository: string;
  pull_number: number;
  pull_url: string | null;
  reviewed_at: Date | string;
  conclusion: string;
  findings: string | number;
  criteria: CriterionLevel[] | string | null;
}

/** A learner's page data, by login (case-insensitive) in one installation; undefined when they have no review there. */
export async function learnerView(
  db: SqlQuery,
  installationId: number,
  login: string,
  lessonTitle: (ruleId: string) => string,
): Promise<LearnerView | undefined> {
  const rows = await db.query<PullRow>(
    `SELECT r.id, r.author_id, r.author_login, r.repository, r.pull_number, r.pull_url, r.reviewed_at, r.conclusion,
       (SELECT count(*) FROM findings f WHERE f.review_id = r.id AND f.level <> 'celebratory') AS findings,
       (SELECT json_agg(json_build_object('criterion', c.criterion, 'title', c.title, 'score', c.score, 'max', c.max, 'level', c.level) ORDER BY c.criterion)
        FROM review_criteria c WHERE c.review_id = r.id) AS criteria
     FROM reviews r
     WHERE r.installation_id = $1 AND r.author_id = (SELECT author_id FROM reviews WHERE installation_id = $1 AND lower(author_login) = lower($2) ORDER BY reviewed_at DESC LIMIT 1)
       AND r.latest AND r.pull_number > 0
     ORDER BY r.reviewed_at DESC LIMIT 50`,
    [installationId, login],
  );
  if (rows.length === 0) return undefined;
  const pulls: (LearnerPull & { id: number })[] = rows.reverse().map((row) => ({
    id: Number(row.id),
    repository: row.repository,
    pullNumber: row.pull_number,
    ...(row.pull_url ? { pullUrl: row.pull_url } : {}),
    reviewedAt: toDate(row.reviewed_at),
    conclusion: row.conclusion,
    findings: Number(row.findings),
    criteria: typeof row.criteria === "string" ? (JSON.parse(row.criteria) as CriterionLevel[]) : (row.criteria ?? []),
  }));
  const lastTen = pulls.slice(-10);
  const themeRows = await db.query<{
    rule_id: string;
    count: string | number;
    level_rank: number;
    first_review: string | number;
  }>(
    `SELECT f.rule_id, count(DISTINCT f.review_id) AS count,
       min(CASE f.level WHEN 'essential' THEN 0 WHEN 'actionable' THEN 1 ELSE 2 END) AS level_rank, min(f.review_id) AS first_review
     FROM findings f WHERE f.review_id = ANY($1::bigint[]) AND f.level <> 'celebratory'
     GROUP BY f.rule_id HAVING count(DISTINCT f.review_id) >= 2 ORDER BY 3, 2 DESC, 1`,
    [lastTen.map((pull) => pull.id)],
  );
  const recurring: RecurringTheme[] = themeRows.map((row) => {
    const first = pulls.find((pull) => pull.id === Number(row.first_review)) ?? lastTen[0]!;
    return {
      ruleId: row.rule_id,
      count: Number(row.count),
      level: ["essential", "actionable", "informative"][row.level_rank] ?? "informative",
      firstPull: {
        repository: first.repository,
        pullNumber: first.pullNumber,
        ...(first.pullUrl ? { pullUrl: first.pullUrl } : {}),
      },
      lesson: { title: lessonTitle(row.rule_id), url: `/dashboard/lessons/${row.rule_id}` },
    };
  });
  const newest = rows[rows.length - 1]!;
  return {
    installationId,
    login: newest.author_login,
    authorId: Number(newest.author_id),
    pulls: pulls.map(({ id: _id, ...pull }) => pull),
    recurring,
  };
}
