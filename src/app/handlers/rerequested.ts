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
    const pulls: PullRef[] =
      "check_run" in payload ? payload.check_run.pull_requests : payload.check_suite.pull_requests;
    const repository = payload.repository;
    // A replayed body must not run twice; a new click on "Re-run" is a new request (new check run or suite update).
    const trigger =
      "check_run" in payload
        ? `rerun:${payload.check_run.id}`
        : `rerun-suite:${payload.check_suite.id}:${payload.check_suite.updated_at}`;
    for (const pull of pulls) {
      await startReview(
        context,
        {
          owner: repository.owner.login,
          repo: repository.name,
          number: pull.number,
          headSha: pull.head.sha,
          baseSha: pull.base.sha,
        },
        false,
        runtime,
        trigger,
      );
    }
  };
}
