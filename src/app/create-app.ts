import type { ApplicationFunction } from "probot";
import type { AppDeps } from "./app-deps.js";
import { installationDeletedHandler } from "./handlers/installation-deleted.js";
import { issueCommentHandler } from "./handlers/issue-comment.js";
import { PULL_REQUEST_EVENTS, pullRequestHandler } from "./handlers/pull-request.js";
import { RERUN_EVENTS, rerequestedHandler } from "./handlers/rerequested.js";
import { ReviewQueue } from "./review-queue.js";
import type { AppRuntime } from "./start-review.js";

export type AppOptions = Omit<AppRuntime, "deps" | "queue"> & { queue?: ReviewQueue };

/** The Probot application function: registers Apprentice's webhook handlers. */
export function createApp(deps: AppDeps, options: AppOptions = {}): ApplicationFunction {
  return (app) => {
    const runtime: AppRuntime = { ...options, deps, queue: options.queue ?? new ReviewQueue() };
    app.on([...PULL_REQUEST_EVENTS], pullRequestHandler(runtime));
    app.on([...RERUN_EVENTS], rerequestedHandler(runtime));
    app.on("issue_comment.created", issueCommentHandler(runtime));
    app.on("installation.deleted", installationDeletedHandler(runtime));
  };
}
