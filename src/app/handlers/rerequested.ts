import type { Context } from "probot";
import { startReview, type AppRuntime } from "../start-review.js";

export const RERUN_EVENTS = ["check_run.rerequested", "check_suite.rerequested"] as const;

interface PullRef {
  number: number;
  head: { sha: string };
  base: { sha: string };
}

/** "Re-run" on the App's check run or suite: review every pull request it belongs to again. */
export function rerequestedHandler(runtime: AppRuntime) {
  return async (context: Context<(typeof RERUN_EVENTS)[number]>): Promise<void> => {
    const payload = context.payload;
    const pulls: PullRef[] = "check_run" in payload ? payload.check_run.pull_requests : payload.check_suite.pull_requests;
    const repository = payload.repository;
    for (const pull of pulls) {
      await startReview(
        context,
        { owner: repository.owner.login, repo: repository.name, number: pull.number, headSha: pull.head.sha, baseSha: pull.base.sha },
        false,
        runtime,
      );
    }
  };
}
