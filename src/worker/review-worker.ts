import { Context, type Logger, type Probot } from "probot";
import type { AppDeps } from "../app/app-deps.js";
import type { AppMetrics } from "../app/app-metrics.js";
import { runReview, type ReviewOutcome } from "../app/run-review.js";
import type { CollectOptions } from "../github/collect-input.js";
import type { GitHubClient, PullRequestRef } from "../github/github-client.js";
import { completeCheckRun, startCheckRun } from "../github/publish-check-run.js";
import type { JobQueue, QueuedReview } from "../queue/job-queue.js";
import { pullKey } from "../queue/review-job.js";
import { countRequests } from "./count-requests.js";

export interface WorkerOptions {
  probot: Probot;
  queue: JobQueue;
  deps: AppDeps;
  metrics: AppMetrics;
  collect?: CollectOptions;
  /** How often a running review asks the queue whether a newer push superseded it (ms). */
  supersedePollMs?: number;
  onReviewed?: (pr: PullRequestRef, outcome: ReviewOutcome) => void;
}

const SUPERSEDED = {
  title: "Superseded by a newer push",
  summary:
    "A newer commit was pushed before this one was reviewed. Apprentice reviews the newest commit instead; see its check run.",
};

/** `context.config("apprentice.yml")` as Probot reads it (default branch, `_extends`, the owner's `.github` repository). */
function configReader(octokit: GitHubClient, pr: PullRequestRef, log: Logger): () => Promise<unknown> {
  const event = {
    id: "queued",
    name: "pull_request",
    payload: { repository: { owner: { login: pr.owner }, name: pr.repo } },
  };
  const context = new Context(event as never, octokit, log);
  return () => context.config("apprentice.yml");
}

/**
 * The job handler workers run: check run in progress first, then the review (`runReview`), with a
 * ticket that turns stale as soon as the queue holds a newer request for the same pull request, even
 * one enqueued by another process. The check run is recorded on the job and in the queue's list of
 * open runs, so a crash leaves something to finish: the retry reuses it, the recovery sweep closes it.
 */
export function reviewWorker(options: WorkerOptions): (job: QueuedReview) => Promise<void> {
  const { probot, queue, deps, metrics } = options;
  return async (job) => {
    const started = performance.now();
    const { pr, installationId } = job.data;
    const key = pullKey(pr);
    const log = probot.log.child({ name: "apprentice-worker" });
    const octokit = countRequests((await probot.auth(installationId)) as GitHubClient, metrics);
    const controller = new AbortController();
    let current = true;
    const check = async () => {
      const newest = await queue.newest(key);
      if (newest !== undefined && newest !== job.token && current) {
        current = false;
        controller.abort();
      }
    };
    await check();
    let checkRunId = job.data.checkRunId;
    if (!current) {
      // Superseded before it started: a job that never ran reports nothing, unless a crashed attempt left a run.
      if (checkRunId === undefined) return void metrics.reviews.inc({ outcome: "superseded" });
      await completeCheckRun(octokit, pr, checkRunId, "neutral", SUPERSEDED, []);
      await queue.untrackCheckRun(checkRunId);
      return finish("superseded");
    }
    if (checkRunId === undefined && !(job.data.respectDrafts && pr.draft)) {
      checkRunId = await startCheckRun(octokit, pr, job.token);
      await queue.trackCheckRun({
        checkRunId,
        installationId,
        owner: pr.owner,
        repo: pr.repo,
        startedAt: Date.now(),
        key,
      });
      await job.setCheckRunId(checkRunId);
    } else if (checkRunId !== undefined) {
      metrics.retries.inc({ kind: "job" });
    }
    log.info({ pull: pr.number, sha: pr.headSha, checkRun: checkRunId }, "apprentice: review started");
    const poll = setInterval(() => void check().catch(() => undefined), options.supersedePollMs ?? 200);
    try {
      const outcome = await runReview(
        {
          octokit,
          pr,
          readConfig: configReader(octokit, pr, log),
          log,
          ticket: { isCurrent: () => current, signal: controller.signal },
          respectDrafts: job.data.respectDrafts,
          publishKey: job.token,
          ...(checkRunId !== undefined ? { checkRunId } : {}),
        },
        deps,
        options.collect,
      );
      if (checkRunId !== undefined) await queue.untrackCheckRun(checkRunId);
      log.info({ pull: pr.number, sha: pr.headSha, outcome }, "apprentice: review finished");
      finish(outcome);
    } finally {
      clearInterval(poll);
    }

    function finish(outcome: ReviewOutcome): void {
      metrics.reviews.inc({ outcome });
      metrics.reviewDuration.observe({ outcome }, (performance.now() - started) / 1000);
      options.onReviewed?.(pr, outcome);
    }
  };
}
