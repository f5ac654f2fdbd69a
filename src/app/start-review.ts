import type { Context } from "probot";
import type { CollectOptions } from "../github/collect-input.js";
import type { PullRequestRef } from "../github/github-client.js";
import type { AppDeps } from "./app-deps.js";
import type { ReviewQueue } from "./review-queue.js";
import { runReview, type ReviewOutcome } from "./run-review.js";

export interface AppRuntime {
  deps: AppDeps;
  queue: ReviewQueue;
  collect?: CollectOptions;
  /** Called after each review with its outcome (tests and the benchmark listen here). */
  onReviewed?: (pr: PullRequestRef, outcome: ReviewOutcome) => void;
}

/** Queues a review of `pr` for this webhook: once per delivery, superseding older reviews of the same pull request. */
export async function startReview(context: Context, pr: PullRequestRef, respectDrafts: boolean, runtime: AppRuntime): Promise<void> {
  if (!runtime.queue.firstDelivery(context.id)) {
    context.log.info({ delivery: context.id }, "apprentice: webhook delivered again, already handled");
    return;
  }
  await runtime.queue.enqueue(`${pr.owner}/${pr.repo}#${pr.number}`, async (ticket) => {
    const outcome = await runReview(
      { octokit: context.octokit, pr, readConfig: () => context.config("apprentice.yml"), log: context.log, ticket, respectDrafts },
      runtime.deps,
      runtime.collect,
    );
    context.log.info({ pull: pr.number, sha: pr.headSha, outcome }, "apprentice: review finished");
    runtime.onReviewed?.(pr, outcome);
  });
}
