import type { Context } from "probot";
import { explainReply, forgetMeReply, HELP_REPLY, NO_HISTORY_REPLY, progressNotYoursReply, unknownCommandReply } from "../command-replies.js";
import { progressReply } from "../progress-reply.js";
import { parseCommand } from "../parse-command.js";
import { startReview, type AppRuntime } from "../start-review.js";

/** `/apprentice review | explain <check-id> | help` in a comment on a pull request, from a person. */
export function issueCommentHandler(runtime: AppRuntime) {
  return async (context: Context<"issue_comment.created">): Promise<void> => {
    const { issue, comment, repository } = context.payload;
    if (!issue.pull_request || comment.user?.type === "Bot") return;
    const command = parseCommand(comment.body);
    if (command === undefined) return;
    const reply = (body: string) => context.octokit.rest.issues.createComment({ owner: repository.owner.login, repo: repository.name, issue_number: issue.number, body });
    switch (command.kind) {
      case "help":
        await reply(HELP_REPLY);
        return;
      case "unknown":
        await reply(unknownCommandReply(command.text));
        return;
      case "explain":
        await reply(explainReply(command.checkId, runtime.deps.checkIds(), runtime.deps.readLesson));
        return;
      case "progress": {
        const { history } = runtime.deps;
        const installationId = context.payload.installation?.id;
        if (!history || installationId === undefined || !issue.user) return void (await reply(NO_HISTORY_REPLY));
        // A learner's scores across the installation are theirs: shown on their own pull request, when they ask.
        if (comment.user?.id !== issue.user.id) return void (await reply(progressNotYoursReply(issue.user.login)));
        await reply(await progressReply(history, installationId, issue.user));
        return;
      }
      case "forget-me": {
        const { history } = runtime.deps;
        const installationId = context.payload.installation?.id;
        if (!history || installationId === undefined || !comment.user) return void (await reply(NO_HISTORY_REPLY));
        await reply(forgetMeReply(comment.user.login, await history.forgetLearner(installationId, comment.user.id)));
        return;
      }
      case "review": {
        const { data: pull } = await context.octokit.rest.pulls.get({ owner: repository.owner.login, repo: repository.name, pull_number: issue.number });
        await startReview(
          context,
          {
            owner: repository.owner.login,
            repo: repository.name,
            number: pull.number,
            headSha: pull.head.sha,
            baseSha: pull.base.sha,
            changedFiles: pull.changed_files,
            ...(pull.user ? { author: { login: pull.user.login, id: pull.user.id, type: pull.user.type } } : {}),
            ...(context.payload.installation ? { installationId: context.payload.installation.id } : {}),
            url: pull.html_url,
          },
          false,
          runtime,
          `comment:${comment.id}`,
        );
      }
    }
  };
}
