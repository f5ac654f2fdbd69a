import type { Context } from "probot";
import { parseCommand } from "../parse-command.js";
import type { AppRuntime } from "../start-review.js";

/**
 * `/apprentice review | explain <check-id> | progress | forget-me | help` in a comment on a pull
 * request, from a person. The webhook only parses the command and queues it; a worker writes the
 * reply (src/worker/command-worker.ts), so no GitHub request runs inside the webhook's request.
 */
export function issueCommentHandler(runtime: AppRuntime) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { issue, comment, repository } = context.payload;
    if (!issue.pull_request || comment.user?.type === "Bot") return;
    const command = parseCommand(comment.body);
    if (command === undefined) return;
    const installationId = context.payload.installation?.id;
    if (installationId === undefined) {
      context.log.warn({ delivery: context.id }, "apprentice: webhook without an installation, ignored");
      return;
    }
    const result = await runtime.queue.enqueueCommand(context.id, {
      installationId,
      owner: repository.owner.login,
      repo: repository.name,
      number: issue.number,
      commentId: comment.id,
      command,
      ...(comment.user ? { commenter: { login: comment.user.login, id: comment.user.id } } : {}),
      ...(issue.user ? { author: { login: issue.user.login, id: issue.user.id } } : {}),
    });
    runtime.metrics?.webhooks.inc({ result });
    context.log.info(
      { delivery: context.id, command: command.kind, result },
      result === "queued" ? "apprentice: command queued" : "apprentice: webhook already handled",
    );
  };
}
