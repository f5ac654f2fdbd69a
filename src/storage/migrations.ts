/**
 * The history database's schema, as ordered migrations. Each runs once, in its own transaction, and is
 * recorded in `apprentice_migrations`. Later migrations only add tables, columns and indexes: the
 * dashboard and older workers read these names.
 *
 * Written as TypeScript strings rather than `.sql` files so they ship inside the module graph (tsx,
 * a bundler or `tsc` output all carry them) with no file copying.
 */
import { REBUILD_SUMMARIES_SQL } from "./history-summaries.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "reviews and findings",
    sql: `
CREATE TABLE reviews (
  id bigserial PRIMARY KEY,
  -- 0 for reviews recorded by the local CLI (npm run review -- --record, npm run progress).
  installation_id bigint NOT NULL,
  -- "owner/name" on GitHub; the repository's absolute path for local reviews.
  repository text NOT NULL,
  repository_id bigint,
  -- 0 for local reviews (a commit range, not a pull request).
  pull_number integer NOT NULL DEFAULT 0,
  pull_url text,
  head_sha text NOT NULL,
  base_sha text,
  author_login text NOT NULL,
  -- GitHub's user id; 0 for local reviews.
  author_id bigint NOT NULL,
  rubric_id text NOT NULL,
  -- sha256 of the rubric's content, so a score is read against the rubric that produced it.
  rubric_hash text NOT NULL,
  reviewed_at timestamptz NOT NULL DEFAULT now(),
  -- Local reviews: the commit's date (progress charts order by it).
  committed_at timestamptz,
  conclusion text NOT NULL CHECK (conclusion IN ('success', 'neutral', 'failure')),
  partial boolean NOT NULL DEFAULT false,
  source text NOT NULL CHECK (source IN ('app', 'local')),
  -- True on the newest review of each pull request (or local commit): history counts a pull request once.
  latest boolean NOT NULL DEFAULT true,
  UNIQUE (installation_id, repository, pull_number, head_sha)
);

CREATE TABLE review_criteria (
  review_id bigint NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  criterion text NOT NULL,
  title text NOT NULL,
  score real NOT NULL,
  max real NOT NULL,
  level text NOT NULL,
  PRIMARY KEY (review_id, criterion)
);

CREATE TABLE findings (
  id bigserial PRIMARY KEY,
  review_id bigint NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  criterion text NOT NULL,
  category text,
  level text NOT NULL CHECK (level IN ('essential', 'actionable', 'informative', 'celebratory')),
  fingerprint text NOT NULL,
  path text NOT NULL,
  line integer NOT NULL
);

-- A learner's last pull requests in an installation (recurring themes, /apprentice progress, learner page).
-- Also serves forget-me (one author) and installation.deleted (the prefix).
CREATE INDEX reviews_learner_recent ON reviews (installation_id, author_id, reviewed_at DESC);
-- One repository's reviews (the dashboard's repository views, local history by review time).
CREATE INDEX reviews_repository_recent ON reviews (installation_id, repository, reviewed_at DESC);
-- Local history of one repository in commit order (npm run progress).
CREATE INDEX reviews_local_commits ON reviews (repository, committed_at DESC) WHERE installation_id = 0;
-- Retention: the oldest reviews first.
CREATE INDEX reviews_reviewed_at ON reviews (reviewed_at);
-- Findings of a handful of reviews, by check (recurring themes); also serves the foreign key's cascade.
CREATE INDEX findings_review_rule ON findings (review_id, rule_id, level);
`,
  },
  {
    version: 2,
    name: "summaries of the checks that fired, per review, learner and day",
    sql: `
-- Each check that fired in a review, once (rank: 0 essential, 1 actionable, 2 informative): the
-- recurring-themes lookup reads about 20 rows per review here instead of every finding.
CREATE TABLE review_checks (
  review_id bigint NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
  rule_id text NOT NULL,
  rank smallint NOT NULL,
  findings integer NOT NULL,
  PRIMARY KEY (review_id, rule_id)
);
-- Per learner of an installation: each check of their last 10 pull requests, and in how many it fired.
CREATE TABLE learner_themes (
  installation_id bigint NOT NULL,
  author_id bigint NOT NULL,
  rule_id text NOT NULL,
  pulls integer NOT NULL,
  rank smallint NOT NULL,
  first_review_id bigint NOT NULL,
  PRIMARY KEY (installation_id, author_id, rule_id)
);
-- Per learner of an installation: the cohort page's row.
CREATE TABLE learners (
  installation_id bigint NOT NULL,
  author_id bigint NOT NULL,
  author_login text NOT NULL,
  pulls integer NOT NULL,
  latest_review_id bigint NOT NULL,
  last_at timestamptz NOT NULL,
  recurring integer NOT NULL,
  PRIMARY KEY (installation_id, author_id)
);
-- Per installation, UTC day and check: pull requests reviewed that day where the check fired (the trend).
CREATE TABLE check_days (
  installation_id bigint NOT NULL,
  day date NOT NULL,
  rule_id text NOT NULL,
  pulls integer NOT NULL,
  PRIMARY KEY (installation_id, day, rule_id)
);
-- The learner page finds a learner by login, case-insensitively.
CREATE INDEX reviews_login ON reviews (installation_id, lower(author_login), reviewed_at DESC);
${REBUILD_SUMMARIES_SQL}`,
  },
];
