import type { Probot } from "probot";
import type { AppDeps } from "../app/app-deps.js";
import {
  explainReply,
  forgetMeReply,
  HELP_REPLY,
  NO_HISTORY_REPLY,
  progressNotYoursReply,
  unknownCommandReply,
} from "../app/command-replies.js";
import { progressReply } from "../app/progress-reply.js";
import type { GitHubClient } from "../github/github-client.js";
import type { CommandJobData } from "../queue/command-job.js";
import type { JobQueue } from "../queue/job-queue.js";

export interface CommandWorkerOptions {
  probot: Probot;
  queue: JobQueue;
  deps: AppDeps;
}

/**
 * Answers a queued `/apprentice …` comment, in a worker like a review: the reply comment, and for
 * `/apprentice review` the pull request's head (one read), then a review job on the same queue.
 */
export function commandWorker(options: CommandWorkerOptions): (data: CommandJobData) => Promise<void> {
  const { probot, queue, deps } = options;
  return async (data) => {
    const log = probot.log.child({ name: "apprentice-commands" });
    const octokit = (await probot.auth(data.installationId)) as GitHubClient;
    const where = { owner: data.owner, repo: data.repo };
    const reply = async (body: string) =>
      void (await octokit.rest.issues.createComment({ ...where, issue_number: data.number, body }));
    try {
      const { command } = data;
      switch (command.kind) {
        case "help":
          return await reply(HELP_REPLY);
        case "unknown":
          return await reply(unknownCommandReply(command.text));
        case "explain":
          return await reply(explainReply(command.checkId, deps.checkIds(), deps.readLesson));
        case "progress":
          if (!deps.history || !data.author) return await reply(NO_HISTORY_REPLY);
          // A learner's scores across the installation are theirs: shown on their own pull request, when they ask.
          if (data.commenter?.id !== data.author.id) return await reply(progressNotYoursReply(data.author.login));
          return await reply(await progressReply(deps.history, data.installationId, data.author));
        case "forget-me":
          if (!deps.history || !data.commenter) return await reply(NO_HISTORY_REPLY);
          return await reply(
            forgetMeReply(
              data.commenter.login,
              await deps.history.forgetLearner(data.installationId, data.commenter.id),
            ),
          );
        case "review": {
          const { data: pull } = await octokit.rest.pulls.get({ ...where, pull_number: data.number });
          const trigger = `comment:${data.commentId}`;
          const result = await queue.enqueue(trigger, {
            installationId: data.installationId,
            pr: {
              ...where,
              number: pull.number,
              headSha: pull.head.sha,
              baseSha: pull.base.sha,
              changedFiles: pull.changed_files,
              ...(pull.user ? { author: { login: pull.user.login, id: pull.user.id, type: pull.user.type } } : {}),
              installationId: data.installationId,
              url: pull.html_url,
            },
            trigger,
            respectDrafts: false,
          });
          log.info({ pull: data.number, sha: pull.head.sha, result }, "apprentice: review requested by a comment");
          return;
        }
      }
    } catch (error) {
      log.error(
        {
          pull: data.number,
          command: data.command.kind,
          status: (error as { status?: number }).status,
          message: error instanceof Error ? error.message.split("\n")[0] : String(error),
        },
        "apprentice: could not answer a command",
      );
      throw error;
    }
  };
}
