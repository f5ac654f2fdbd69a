import type { Context } from "probot";
import { startReview, type AppRuntime } from "../start-review.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

/** Reviews a pull request when it is opened, pushed to, reopened or marked ready (drafts per config). */
export function pullRequestHandler(runtime: AppRuntime) {
  return async (context: Context<(typeof PULL_REQUEST_EVENTS)[number]>): Promise<void> => {
    const { pull_request: pull, repository } = context.payload;
    await startReview(
      context,
      {
        owner: repository.owner.login,
        repo: repository.name,
        number: pull.number,
        headSha: pull.head.sha,
        baseSha: pull.base.sha,
        changedFiles: pull.changed_files,
        draft: pull.draft === true,
        ...(pull.user ? { author: { login: pull.user.login, id: pull.user.id, type: pull.user.type } } : {}),
        ...(context.payload.installation ? { installationId: context.payload.installation.id } : {}),
        url: pull.html_url,
      },
      true,
      runtime,
      context.payload.action,
    );
  };
}
