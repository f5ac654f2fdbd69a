import type { Level } from "../contract/levels.js";

/** Which learner's history: one author in one installation (0 = local), or one local repository. */
export type LearnerKey = { installationId: number; authorId: number } | { installationId: 0; repository: string };

/** A past pull request (or local commit) and the checks that fired in its newest review. */
export interface PastReview {
  reviewId: number;
  repository: string;
  pullNumber: number;
  pullUrl?: string;
  headSha: string;
  reviewedAt: Date;
  committedAt?: Date;
  /** Each check that fired, once, at its most urgent level (celebratory findings are left out). */
  rules: { ruleId: string; level: Level }[];
}

/** One pull request's criterion scores, for `/apprentice progress` and the charts. */
export interface ProgressPoint {
  reviewId: number;
  repository: string;
  pullNumber: number;
  pullUrl?: string;
  headSha: string;
  reviewedAt: Date;
  committedAt?: Date;
  criteria: { criterion: string; title: string; score: number; max: number; level: string }[];
}
