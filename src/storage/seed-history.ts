import { rebuildSummaries } from "./history-summaries.js";
import type { SqlQuery } from "./sql-client.js";

export interface SeedSize {
  learners: number;
  pullsPerLearner: number;
  findingsPerReview: number;
  /** Distinct check ids the findings are spread over. */
  rules?: number;
}

/**
 * Fills a migrated history with synthetic reviews in installation 1 (for the bench and the EXPLAIN
 * test): set-based INSERT … SELECT over generate_series, so 500,000 findings take seconds, not minutes.
 * The summaries are rebuilt from them as the migration's backfill does.
 * Learner n has author id 1000 + n and login `learner-n`; its pull requests spread over 5 repositories.
 */
export async function seedHistory(db: SqlQuery, size: SeedSize): Promise<void> {
  const rules = size.rules ?? 40;
  const int = (value: number) => Math.max(0, Math.floor(value));
  await db.exec(`
INSERT INTO reviews (installation_id, repository, pull_number, pull_url, head_sha, author_login, author_id, rubric_id, rubric_hash,
  reviewed_at, conclusion, source)
SELECT 1, 'cohort/repo-' || (l % 5), l * 1000 + p, 'https://github.com/cohort/repo-' || (l % 5) || '/pull/' || (l * 1000 + p),
  md5(l || '-' || p), 'learner-' || l, 1000 + l, 'junior-backend', 'seed',
  timestamptz '2026-01-01' + p * interval '1 day' + l * interval '1 minute', 'neutral', 'app'
FROM generate_series(1, ${int(size.learners)}) l, generate_series(1, ${int(size.pullsPerLearner)}) p;

INSERT INTO review_criteria (review_id, criterion, title, score, max, level)
SELECT r.id, c.criterion, c.title, (r.id * 7 + c.n * 3) % 11, 10, 'developing'
FROM reviews r, (VALUES (1, 'tests', 'Tests'), (2, 'security', 'Security'), (3, 'clean-code', 'Clean code')) AS c (n, criterion, title)
WHERE r.rubric_hash = 'seed'
ORDER BY r.id;

INSERT INTO findings (review_id, rule_id, criterion, category, level, fingerprint, path, line)
SELECT r.id, 'rule-' || ((r.id * 7 + g * 13) % ${int(rules)}), 'security', NULL,
  (ARRAY['essential', 'actionable', 'informative', 'celebratory'])[1 + (g % 4)], md5(r.id || ':' || g), 'src/file-' || (g % 10) || '.ts', g
FROM reviews r, generate_series(1, ${int(size.findingsPerReview)}) g
WHERE r.rubric_hash = 'seed'
ORDER BY r.id, g;

ANALYZE reviews;
ANALYZE review_criteria;
ANALYZE findings;
`);
  await rebuildSummaries(db);
}
