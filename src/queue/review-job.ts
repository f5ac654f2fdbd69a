import type { PullRequestRef } from "../github/github-client.js";

/** One review to run, as it travels through the queue: plain data, so it survives Redis and a restart. */
export interface ReviewJobData {
  installationId: number;
  pr: PullRequestRef;
  /** What asked for it: the webhook action (`opened`, `synchronize`, ...), `rerequested:<id>` or `comment:<id>`. */
  trigger: string;
  /** True for pull_request events: a draft is skipped unless the config says `drafts: true`. */
  respectDrafts: boolean;
  /** Set by the worker once the check run exists, so a retry after a crash completes the same run. */
  checkRunId?: number;
}

/** The queue key of a pull request: one job per key. */
export function pullKey(pr: Pick<PullRequestRef, "owner" | "repo" | "number">): string {
  return `${pr.owner}/${pr.repo}#${pr.number}`;
}

/** What makes two deliveries the same request: a replayed body under a new delivery id has the same. */
export function contentKey(data: Pick<ReviewJobData, "pr" | "trigger">): string {
  return `${pullKey(data.pr)}@${data.pr.headSha}:${data.trigger}`;
}

export type EnqueueResult = "queued" | "duplicate-delivery" | "duplicate-content";
