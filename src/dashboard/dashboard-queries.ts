import type { SqlQuery } from "../storage/sql-client.js";
import type {
  CohortLearner,
  CohortView,
  CriterionLevel,
  LearnerPull,
  LearnerView,
  RecurringTheme,
} from "./dashboard-views.js";

/** Weeks of the cohort's trend and heatmap window. */
export const TREND_WEEKS = 8;
const WEEK_MS = 7 * 86_400_000;

const toDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));

interface LearnerRow {
  author_id: string | number;
  author_login: string;
  pulls: string | number;
  last_at: Date | string;
  recurring: string | number;
  criteria: CriterionLevel[] | string | null;
  heat: (number | string)[] | null;
}

const DAY_MS = 86_400_000;
const utcDay = (date: Date): Date => new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);

/**
 * The cohort page's data, from the summaries the history keeps at record time (src/storage/history-summaries.ts):
 * a row per learner, the checks' counts per day over the trend window, and each learner's checks of their last 10
 * pull requests (the heatmap). Each query reads a few thousand rows at most, whatever the history's size.
 */
export async function cohortView(
  db: SqlQuery,
  installationId: number,
  account: string,
  now = new Date(),
): Promise<CohortView> {
  // Whole UTC days, the newest week ending today: its first day is 7 * TREND_WEEKS - 1 days ago.
  const firstDay = new Date(utcDay(now).getTime() - (TREND_WEEKS * 7 - 1) * DAY_MS);
  const weeks = Array.from({ length: TREND_WEEKS }, (_unused, index) => new Date(firstDay.getTime() + index * WEEK_MS));
  const days = await db.query<{ rule_id: string; week: number; pulls: string | number }>(
    `SELECT rule_id, (day - $2::date) / 7 AS week, sum(pulls) AS pulls FROM check_days
     WHERE installation_id = $1 AND day >= $2::date GROUP BY 1, 2`,
    [installationId, firstDay.toISOString().slice(0, 10)],
  );
  const totals = new Map<string, { total: number; weekly: number[] }>();
  for (const row of days) {
    const entry = totals.get(row.rule_id) ?? { total: 0, weekly: new Array<number>(TREND_WEEKS).fill(0) };
    const pulls = Number(row.pulls);
    const week = Number(row.week);
    if (week >= 0 && week < TREND_WEEKS) {
      entry.total += pulls;
      entry.weekly[week]! += pulls;
    }
    totals.set(row.rule_id, entry);
  }
  const topChecks = [...totals]
    .map(([ruleId, entry]) => ({ ruleId, ...entry }))
    .sort((a, b) => b.total - a.total || a.ruleId.localeCompare(b.ruleId))
    .slice(0, 10);
  const learnerRows = await db.query<LearnerRow>(
    `SELECT l.author_id, l.author_login, l.pulls, l.last_at, l.recurring,
       (SELECT json_agg(json_build_object('criterion', c.criterion, 'title', c.title, 'score', c.score, 'max', c.max, 'level', c.level) ORDER BY c.criterion)
        FROM review_criteria c WHERE c.review_id = l.latest_review_id) AS criteria,
       (SELECT array_agg(coalesce(t.pulls, 0) ORDER BY k.n) FROM unnest($2::text[]) WITH ORDINALITY AS k (rule_id, n)
        LEFT JOIN learner_themes t ON t.installation_id = l.installation_id AND t.author_id = l.author_id AND t.rule_id = k.rule_id) AS heat
     FROM learners l WHERE l.installation_id = $1 ORDER BY lower(l.author_login), l.author_id`,
    [installationId, topChecks.map((check) => check.ruleId)],
  );
  const learners: CohortLearner[] = learnerRows.map((row) => ({
    login: row.author_login,
    authorId: Number(row.author_id),
    pulls: Number(row.pulls),
    recurring: Number(row.recurring),
    lastActivity: toDate(row.last_at),
    latest: typeof row.criteria === "string" ? (JSON.parse(row.criteria) as CriterionLevel[]) : (row.criteria ?? []),
  }));
  const heatmap = learnerRows.map((row) => topChecks.map((_check, column) => Number(row.heat?.[column] ?? 0)));
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
       (SELECT coalesce(sum(k.findings), 0) FROM review_checks k WHERE k.review_id = r.id) AS findings,
       (SELECT json_agg(json_build_object('criterion', c.criterion, 'title', c.title, 'score', c.score, 'max', c.max, 'level', c.level) ORDER BY c.criterion)
        FROM review_criteria c WHERE c.review_id = r.id) AS criteria
     FROM reviews r
     WHERE r.installation_id = $1 AND r.author_id = (SELECT author_id FROM reviews WHERE installation_id = $1 AND lower(author_login) = lower($2) ORDER BY lower(author_login), reviewed_at DESC LIMIT 1)
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
  const newest = rows[rows.length - 1]!;
  const themeRows = await db.query<{
    rule_id: string;
    count: string | number;
    level_rank: number;
    first_review: string | number;
  }>(
    `SELECT rule_id, pulls AS count, rank AS level_rank, first_review_id AS first_review FROM learner_themes
     WHERE installation_id = $1 AND author_id = $2 AND pulls >= 2 ORDER BY rank, pulls DESC, rule_id`,
    [installationId, Number(newest.author_id)],
  );
  const recurring: RecurringTheme[] = themeRows.map((row) => {
    const first = pulls.find((pull) => pull.id === Number(row.first_review)) ?? pulls[0]!;
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
  return {
    installationId,
    login: newest.author_login,
    authorId: Number(newest.author_id),
    pulls: pulls.map(({ id: _id, ...pull }) => pull),
    recurring,
  };
}

/** Installations where this GitHub user has reviewed pull requests (their own pages). */
export async function learnerInstallations(
  db: SqlQuery,
  authorId: number,
): Promise<{ installationId: number; repository: string }[]> {
  const rows = await db.query<{ installation_id: string | number; repository: string }>(
    `SELECT DISTINCT ON (installation_id) installation_id, repository FROM reviews WHERE author_id = $1 AND installation_id > 0 ORDER BY installation_id, reviewed_at DESC`,
    [authorId],
  );
  return rows.map((row) => ({ installationId: Number(row.installation_id), repository: row.repository }));
}
