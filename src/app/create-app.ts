import type { ApplicationFunction } from "probot";
import type { CollectOptions } from "../github/collect-input.js";
import type { PullRequestRef } from "../github/github-client.js";
import type { JobQueue } from "../queue/job-queue.js";
import { MemoryQueue } from "../queue/memory-queue.js";
import { commandWorker } from "../worker/command-worker.js";
import { reviewWorker } from "../worker/review-worker.js";
import type { AppDeps } from "./app-deps.js";
import { installationDeletedHandler } from "./handlers/installation-deleted.js";
import { AppMetrics } from "./app-metrics.js";
import { issueCommentHandler } from "./handlers/issue-comment.js";
import { PULL_REQUEST_EVENTS, pullRequestHandler } from "./handlers/pull-request.js";
import { RERUN_EVENTS, rerequestedHandler } from "./handlers/rerequested.js";
import type { ReviewOutcome } from "./run-review.js";
import type { AppRuntime } from "./start-review.js";

export interface AppOptions {
  /** The review queue; the in-process one when absent. */
  queue?: JobQueue;
  metrics?: AppMetrics;
  /** Review workers this process runs on the queue (default 2; 0 for a webhook-only process). */
  workers?: number;
  collect?: CollectOptions;
  supersedePollMs?: number;
  /** Called after each review with its outcome (tests and the benchmark listen here). */
  onReviewed?: (pr: PullRequestRef, outcome: ReviewOutcome) => void;
}

/** The Probot application function: registers Apprentice's webhook handlers (they only enqueue) and starts its workers. */
export function createApp(deps: AppDeps, options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const queue = options.queue ?? new MemoryQueue();
    const metrics = options.metrics ?? new AppMetrics(() => queue.depth());
    const runtime: AppRuntime = { deps, queue, metrics };
    app.on([...PULL_REQUEST_EVENTS], pullRequestHandler(runtime));
    app.on([...RERUN_EVENTS], rerequestedHandler(runtime));
    app.on("issue_comment.created", issueCommentHandler(runtime));
    app.on("installation.deleted", installationDeletedHandler(runtime));
    const workers = options.workers ?? 2;
    if (workers > 0) {
      const handler = reviewWorker({
        probot: app,
        queue,
        deps,
        metrics,
        ...(options.collect ? { collect: options.collect } : {}),
        ...(options.supersedePollMs !== undefined ? { supersedePollMs: options.supersedePollMs } : {}),
        ...(options.onReviewed ? { onReviewed: options.onReviewed } : {}),
      });
      queue.process(handler, workers);
      queue.processCommands(commandWorker({ probot: app, queue, deps }), workers);
    }
  };
}
