import { fetchPullRequestSnapshot, type CommentNode } from "./fetch-pull-request-snapshot.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { writeOnce, type WriteRetry } from "./write-once.js";

export type SummaryOutcome = "created" | "updated" | "unchanged";

/** The App's summary comment: the newest comment by a bot that carries the marker. */
export function findSummaryComment(comments: readonly CommentNode[], marker: string): CommentNode | undefined {
  return [...comments].reverse().find((comment) => comment.authorIsBot && comment.body.includes(marker));
}

/**
 * The summary comment's edit as a GraphQL field (node id and new body), for the mutation that resolves
 * threads anyway; undefined when there is no summary comment yet or it already says `body`.
 */
export function summaryEditFor(
  comments: readonly CommentNode[],
  marker: string,
  body: string,
): { nodeId: string; body: string } | undefined {
  const existing = findSummaryComment(comments, marker);
  if (existing?.nodeId === undefined || existing.body === body) return undefined;
  return { nodeId: existing.nodeId, body };
}

async function update(
  octokit: GitHubClient,
  pr: PullRequestRef,
  existing: CommentNode,
  body: string,
  retry: WriteRetry,
): Promise<SummaryOutcome> {
  if (existing.body === body) return "unchanged";
  // Editing a comment is idempotent: sending the same body twice changes nothing, so no marker check.
  await writeOnce(
    "edit the summary comment",
    async () => {
      await octokit.rest.issues.updateComment({
        owner: pr.owner,
        repo: pr.repo,
        comment_id: existing.databaseId,
        body,
      });
      return true;
    },
    async () => undefined,
    retry,
  );
  return "updated";
}

/**
 * Edits the one summary comment in place, or creates it the first time. Never posts a second one: a
 * create that failed in a way that may have been applied (5xx, timeout, reset) is looked for by its
 * marker before it is sent again, and a summary comment found then is edited instead.
 */
export async function publishSummary(
  octokit: GitHubClient,
  pr: PullRequestRef,
  body: string,
  comments: readonly CommentNode[],
  marker: string,
  retry: WriteRetry = {},
): Promise<SummaryOutcome> {
  const existing = findSummaryComment(comments, marker);
  if (existing !== undefined) return update(octokit, pr, existing, body, retry);
  const found = await writeOnce<CommentNode | "created">(
    "post the summary comment",
    async () => {
      await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body });
      return "created";
    },
    async () => findSummaryComment((await fetchPullRequestSnapshot(octokit, pr, [], true)).issueComments, marker),
    retry,
  );
  if (found === "created") return "created";
  // It landed after all (or another replica wrote it meanwhile): make sure it says this review.
  await update(octokit, pr, found, body, retry);
  return "created";
}
