/** What the dashboard's pages show: plain data read from the history, rendered by pure functions. */

export interface CriterionLevel {
  criterion: string;
  title: string;
  score: number;
  max: number;
  level: string;
}

export interface CohortLearner {
  login: string;
  authorId: number;
  /** Criterion levels of the learner's newest reviewed pull request. */
  latest: CriterionLevel[];
  pulls: number;
  /** Checks that fired in at least 2 of the learner's last 10 pull requests. */
  recurring: number;
  lastActivity: Date;
}

export interface CheckTrend {
  ruleId: string;
  /** Pull requests (newest review of each) where the check fired, in the whole window. */
  total: number;
  /** The same count per week, oldest first, aligned with `CohortView.weeks`. */
  weekly: number[];
}

export interface CohortView {
  installationId: number;
  account: string;
  criteria: { criterion: string; title: string }[];
  learners: CohortLearner[];
  /** Start of each (rolling, seven-day) week in the trend window, oldest first; the last ends now. */
  weeks: Date[];
  topChecks: CheckTrend[];
  /** Of each learner's (row, in `learners` order) last 10 pull requests, those where each top check (column) fired. */
  heatmap: number[][];
}

export interface LearnerPull {
  repository: string;
  pullNumber: number;
  pullUrl?: string;
  reviewedAt: Date;
  conclusion: string;
  criteria: CriterionLevel[];
  findings: number;
}

export interface RecurringTheme {
  ruleId: string;
  /** Pull requests, of the last 10, where it fired. */
  count: number;
  level: string;
  firstPull: { repository: string; pullNumber: number; pullUrl?: string };
  lesson: { title: string; url: string };
}

export interface LearnerView {
  installationId: number;
  login: string;
  authorId: number;
  /** Oldest first. */
  pulls: LearnerPull[];
  recurring: RecurringTheme[];
}
