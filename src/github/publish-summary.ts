import type { CommentNode } from "./fetch-pull-request-snapshot.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";

export type SummaryOutcome = "created" | "updated" | "unchanged";

/** The App's summary comment: the newest comment by a bot that carries the marker. */
export function findSummaryComment(comments: readonly CommentNode[], marker: string): CommentNode | undefined {
  return [...comments].reverse().find((comment) => comment.authorIsBot && comment.body.includes(marker));
}

/** Edits the one summary comment in place, or creates it the first time. Never posts a second one. */
export async function publishSummary(octokit: GitHubClient, pr: PullRequestRef, body: string, comments: readonly CommentNode[], marker: string): Promise<SummaryOutcome> {
  const existing = findSummaryComment(comments, marker);
  if (existing === undefined) {
    await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
    return "created";
  }
  if (existing.body === body) return "unchanged";
  await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.databaseId, body });
  return "updated";
}
