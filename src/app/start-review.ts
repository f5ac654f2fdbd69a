import type { Context } from "probot";
import type { PullRequestRef } from "../github/github-client.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { AppDeps } from "./app-deps.js";
import type { AppMetrics } from "./app-metrics.js";

export interface AppRuntime {
  deps: AppDeps;
  queue: JobQueue;
  metrics?: AppMetrics;
}

/**
 * Queues a review of `pr` for this webhook, and nothing more: the webhook is answered as soon as the
 * job is in the queue. The queue drops a delivery it has seen (same id) or a request it has seen
 * (same pull request, head and trigger, for a replayed body under a new delivery id).
 */
export async function startReview(
  context: Context,
  pr: PullRequestRef,
  respectDrafts: boolean,
  runtime: AppRuntime,
  trigger: string,
): Promise<void> {
  const installationId = (context.payload as { installation?: { id?: number } }).installation?.id;
  if (installationId === undefined) {
    context.log.warn({ delivery: context.id }, "apprentice: webhook without an installation, ignored");
    return;
  }
  const result = await runtime.queue.enqueue(context.id, { installationId, pr, trigger, respectDrafts });
  runtime.metrics?.webhooks.inc({ result });
  if (result === "queued")
    context.log.info({ delivery: context.id, pull: pr.number, sha: pr.headSha }, "apprentice: review queued");
  else context.log.info({ delivery: context.id, result }, "apprentice: webhook already handled");
}
