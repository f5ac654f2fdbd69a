import type { Level } from "../contract/levels.js";
import type { LearnerKey, PastReview, ProgressPoint } from "./history-types.js";
import { countDays, deleteReviews, insertReviewChecks, lockInstallation, refreshLearner } from "./history-summaries.js";
import type { ReviewRecord } from "./review-record.js";
import type { SqlClient, SqlQuery } from "./sql-client.js";

/** Review history over PostgreSQL or PGlite: record, look up, forget. The App and the CLI use this. */
export interface HistoryStore {
  readonly kind: SqlClient["kind"];
  /** Stores one completed review in one transaction; a review of the same head replaces the earlier one. */
  record(review: ReviewRecord): Promise<number>;
  /** The learner's last `limit` pull requests (newest first), each with the checks that fired; `exclude` leaves one out. */
  recentReviews(
    key: LearnerKey,
    options?: { limit?: number; exclude?: { repository: string; pullNumber: number } },
  ): Promise<PastReview[]>;
  /** Criterion scores of the learner's last `limit` pull requests, oldest first. */
  progress(key: LearnerKey, limit?: number): Promise<ProgressPoint[]>;
  /** True when a local review of this commit (against `baseSha`, when given) is stored: the progress cache. */
  hasLocalReview(repository: string, headSha: string, baseSha?: string): Promise<boolean>;
  /** Deletes every stored review of one learner in one installation; returns how many. */
  forgetLearner(installationId: number, authorId: number): Promise<number>;
  /** Deletes everything stored for an installation; returns how many reviews. */
  deleteInstallation(installationId: number): Promise<number>;
  /** Deletes reviews older than `days` days, of one installation's repository when given; returns how many. */
  prune(days: number, scope?: { installationId: number; repository?: string }, now?: Date): Promise<number>;
  /** The connection, for the dashboard's own queries. */
  readonly db: SqlClient;
  close(): Promise<void>;
}

const RANKED_LEVELS: Level[] = ["essential", "actionable", "informative"];

interface RecentRow {
  id: string | number;
  repository: string;
  pull_number: number;
  pull_url: string | null;
  head_sha: string;
  reviewed_at: Date | string;
  committed_at: Date | string | null;
  rules: string[] | null;
  ranks: number[] | null;
}

/** The learner's newest reviews: by author in an installation, or by local repository in commit order. */
function recentSql(key: LearnerKey, params: unknown[], exclude?: { repository: string; pullNumber: number }): string {
  const skip = exclude
    ? ` AND NOT (repository = $${params.push(exclude.repository)} AND pull_number = $${params.push(exclude.pullNumber)})`
    : "";
  if ("authorId" in key) {
    return `SELECT id, repository, pull_number, pull_url, head_sha, reviewed_at, committed_at FROM reviews
      WHERE installation_id = $${params.push(key.installationId)} AND author_id = $${params.push(key.authorId)} AND latest${skip}
      ORDER BY reviewed_at DESC`;
  }
  return `SELECT id, repository, pull_number, pull_url, head_sha, reviewed_at, committed_at FROM reviews
    WHERE installation_id = 0 AND repository = $${params.push(key.repository)} AND latest${skip}
    ORDER BY committed_at DESC`;
}

/** The recurring-themes lookup of the review path: the last pull requests and, per check, its most urgent level. */
export function recentReviewsQuery(
  key: LearnerKey,
  limit: number,
  exclude?: { repository: string; pullNumber: number },
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const recent = recentSql(key, params, exclude);
  // One primary-key range of review_checks per review (each check once, already at its most urgent
  // level), folded into arrays: one row per review, not one per check, crosses to the client.
  const text = `WITH recent AS (${recent} LIMIT $${params.push(limit)})
    SELECT r.*, c.rules, c.ranks
    FROM recent r LEFT JOIN LATERAL (
      SELECT array_agg(k.rule_id ORDER BY k.rule_id) AS rules, array_agg(k.rank ORDER BY k.rule_id) AS ranks FROM review_checks k WHERE k.review_id = r.id
    ) c ON true`;
  return { text, params };
}

const asDate = (value: Date | string | null): Date | undefined =>
  value === null ? undefined : value instanceof Date ? value : new Date(value);

async function insertReview(tx: SqlQuery, review: ReviewRecord): Promise<number> {
  const key = [review.installationId, review.repository, review.pullNumber];
  await lockInstallation(tx, review.installationId);
  // The pull request's earlier newest review leaves the cohort's day counts; this one joins them below.
  const samePull = "r.installation_id = $1 AND r.repository = $2 AND r.pull_number = $3";
  await countDays(tx, -1, samePull, key);
  await tx.query(
    "DELETE FROM reviews WHERE installation_id = $1 AND repository = $2 AND pull_number = $3 AND head_sha = $4",
    [...key, review.headSha],
  );
  if (review.pullNumber !== 0) {
    await tx.query(
      "UPDATE reviews SET latest = false WHERE installation_id = $1 AND repository = $2 AND pull_number = $3 AND latest",
      key,
    );
  }
  const [row] = await tx.query<{ id: string | number }>(
    `INSERT INTO reviews (installation_id, repository, repository_id, pull_number, pull_url, head_sha, base_sha, author_login, author_id,
       rubric_id, rubric_hash, reviewed_at, committed_at, conclusion, partial, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, now()), $13, $14, $15, $16) RETURNING id`,
    [
      ...[
        review.installationId,
        review.repository,
        review.repositoryId ?? null,
        review.pullNumber,
        review.pullUrl ?? null,
      ],
      ...[
        review.headSha,
        review.baseSha ?? null,
        review.author.login,
        review.author.id,
        review.rubric.id,
        review.rubric.hash,
      ],
      ...[
        review.reviewedAt?.toISOString() ?? null,
        review.committedAt?.toISOString() ?? null,
        review.conclusion,
        review.partial,
        review.source,
      ],
    ],
  );
  const id = Number(row?.id);
  const c = review.criteria;
  if (c.length > 0) {
    await tx.query(
      `INSERT INTO review_criteria (review_id, criterion, title, score, max, level)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::real[], $5::real[], $6::text[])`,
      [
        id,
        c.map((x) => x.criterion),
        c.map((x) => x.title),
        c.map((x) => x.score),
        c.map((x) => x.max),
        c.map((x) => x.level),
      ],
    );
  }
  const f = review.findings;
  if (f.length > 0) {
    await tx.query(
      `INSERT INTO findings (review_id, rule_id, criterion, category, level, fingerprint, path, line)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[])`,
      [
        id,
        f.map((x) => x.ruleId),
        f.map((x) => x.criterion),
        f.map((x) => x.category ?? null),
        f.map((x) => x.level),
        f.map((x) => x.fingerprint),
        f.map((x) => x.path),
        f.map((x) => x.line),
      ],
    );
  }
  await insertReviewChecks(tx, id, f);
  if (review.installationId > 0 && review.pullNumber > 0) {
    await countDays(tx, 1, "r.id = $1", [id]);
    await refreshLearner(tx, review.installationId, review.author.id);
  }
  return id;
}

/** A HistoryStore over a migrated connection. */
export function historyStore(db: SqlClient): HistoryStore {
  return {
    kind: db.kind,
    db,
    record: (review) => db.transaction((tx) => insertReview(tx, review)),
    async recentReviews(key, options = {}) {
      const { text, params } = recentReviewsQuery(key, options.limit ?? 10, options.exclude);
      const rows = await db.query<RecentRow>(text, params);
      const reviews = rows.map((row): PastReview => {
        const ranks = row.ranks ?? [];
        const past: PastReview = {
          reviewId: Number(row.id),
          repository: row.repository,
          pullNumber: row.pull_number,
          headSha: row.head_sha,
          reviewedAt: asDate(row.reviewed_at) ?? new Date(0),
          rules: (row.rules ?? []).map((ruleId, index) => ({
            ruleId,
            level: RANKED_LEVELS[Number(ranks[index] ?? 2)] ?? "informative",
          })),
        };
        if (row.pull_url) past.pullUrl = row.pull_url;
        const committedAt = asDate(row.committed_at);
        if (committedAt) past.committedAt = committedAt;
        return past;
      });
      const order = (p: PastReview) => (p.committedAt ?? p.reviewedAt).getTime();
      return reviews.sort((a, b) => order(b) - order(a) || b.reviewId - a.reviewId);
    },
    async progress(key, limit = 10) {
      const params: unknown[] = [];
      const recent = recentSql(key, params);
      const rows = await db.query<
        Omit<RecentRow, "rules" | "ranks"> & {
          criterion: string | null;
          title: string;
          score: number;
          max: number;
          level: string;
        }
      >(
        `WITH recent AS (${recent} LIMIT $${params.push(limit)})
         SELECT r.*, c.criterion, c.title, c.score, c.max, c.level FROM recent r LEFT JOIN review_criteria c ON c.review_id = r.id
         ORDER BY coalesce(r.committed_at, r.reviewed_at), r.id, c.criterion`,
        params,
      );
      const points = new Map<number, ProgressPoint>();
      for (const row of rows) {
        const id = Number(row.id);
        let point = points.get(id);
        if (!point) {
          point = {
            reviewId: id,
            repository: row.repository,
            pullNumber: row.pull_number,
            headSha: row.head_sha,
            reviewedAt: asDate(row.reviewed_at) ?? new Date(0),
            criteria: [],
          };
          if (row.pull_url) point.pullUrl = row.pull_url;
          const committedAt = asDate(row.committed_at);
          if (committedAt) point.committedAt = committedAt;
          points.set(id, point);
        }
        if (row.criterion !== null)
          point.criteria.push({
            criterion: row.criterion,
            title: row.title,
            score: Number(row.score),
            max: Number(row.max),
            level: row.level,
          });
      }
      return [...points.values()];
    },
    async hasLocalReview(repository, headSha, baseSha) {
      const rows = await db.query(
        "SELECT 1 FROM reviews WHERE installation_id = 0 AND repository = $1 AND pull_number = 0 AND head_sha = $2 AND ($3::text IS NULL OR base_sha = $3)",
        [repository, headSha, baseSha ?? null],
      );
      return rows.length > 0;
    },
    forgetLearner: (installationId, authorId) =>
      db.transaction(async (tx) => {
        await lockInstallation(tx, installationId);
        return deleteReviews(tx, "r.installation_id = $1 AND r.author_id = $2", [installationId, authorId]);
      }),
    deleteInstallation: (installationId) =>
      db.transaction(async (tx) => {
        await lockInstallation(tx, installationId);
        for (const table of ["learner_themes", "learners", "check_days"])
          await tx.query(`DELETE FROM ${table} WHERE installation_id = $1`, [installationId]);
        return (await tx.query("DELETE FROM reviews WHERE installation_id = $1 RETURNING id", [installationId])).length;
      }),
    async prune(days, scope, now = new Date()) {
      const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
      const params: unknown[] = [cutoff];
      let where = "r.reviewed_at < $1";
      if (scope) where += ` AND r.installation_id = $${params.push(scope.installationId)}`;
      if (scope?.repository !== undefined) where += ` AND r.repository = $${params.push(scope.repository)}`;
      return db.transaction(async (tx) => {
        if (scope) await lockInstallation(tx, scope.installationId);
        return deleteReviews(tx, where, params);
      });
    },
    close: () => db.close(),
  };
}
