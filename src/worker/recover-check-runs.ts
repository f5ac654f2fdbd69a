import type { Probot } from "probot";
import type { AppMetrics } from "../app/app-metrics.js";
import type { GitHubClient } from "../github/github-client.js";
import { completeCheckRun } from "../github/publish-check-run.js";
import type { JobQueue } from "../queue/job-queue.js";

export const RECOVERED_OUTPUT = {
  title: "Review did not finish",
  summary:
    "Apprentice started reviewing this commit but the worker running the review stopped before it finished (a restart or a crash), and no retry is pending. Nothing was graded. Re-run this check, or push again, to get a review.",
};

/**
 * Completes, with an honest neutral conclusion, every check run Apprentice left in progress longer
 * than `olderThanMs` whose pull request has no job waiting or running (a running or retried job owns
 * its run and completes it). Returns how many it completed.
 */
export async function recoverCheckRuns(
  probot: Probot,
  queue: JobQueue,
  metrics: AppMetrics,
  olderThanMs: number,
): Promise<number> {
  let recovered = 0;
  for (const run of await queue.openCheckRuns()) {
    if (Date.now() - run.startedAt < olderThanMs || (await queue.busy(run.key))) continue;
    try {
      const octokit = (await probot.auth(run.installationId)) as GitHubClient;
      await completeCheckRun(
        octokit,
        { owner: run.owner, repo: run.repo, number: 0, headSha: "", baseSha: "" },
        run.checkRunId,
        "neutral",
        RECOVERED_OUTPUT,
      );
      await queue.untrackCheckRun(run.checkRunId);
      metrics.recovered.inc();
      recovered += 1;
    } catch (error) {
      const status = (error as { status?: number }).status;
      // 404: the run or the repository is gone; nothing left to finish.
      if (status === 404) await queue.untrackCheckRun(run.checkRunId);
      else
        probot.log.warn(
          { checkRun: run.checkRunId, status },
          "apprentice: could not complete a check run left in progress",
        );
    }
  }
  return recovered;
}

/** Runs the sweep now and every `everyMs`; returns a function that stops it. */
export function startRecovery(
  probot: Probot,
  queue: JobQueue,
  metrics: AppMetrics,
  olderThanMs: number,
  everyMs: number,
): () => void {
  const sweep = () =>
    void recoverCheckRuns(probot, queue, metrics, olderThanMs).catch((error: unknown) =>
      probot.log.warn(
        { message: error instanceof Error ? error.message : String(error) },
        "apprentice: check run recovery failed",
      ),
    );
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
