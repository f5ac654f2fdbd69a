import { fetchPullRequestSnapshot } from "./fetch-pull-request-snapshot.js";
import type { FindingRenderers } from "./finding-renderers.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "./github-client.js";
import type { ReviewPlan } from "./plan-review.js";
import { renderReviewBody } from "../report/render-review-body.js";
import { writeOnce, type WriteRetry } from "./write-once.js";

export type ReviewOutcome = "posted" | "posted-in-body" | "nothing-new";

/**
 * The review's hidden marker: the head commit and the key of this review, so a review GitHub applied
 * before answering with an error is found again by its body and never posted twice.
 */
export function reviewMarker(pr: Pick<PullRequestRef, "headSha">, key: string): string {
  return `<!-- apprentice:review sha=${pr.headSha} key=${key} -->`;
}

/** True when the pull request's latest reviews already hold a bot's review carrying `marker`. */
async function reviewPosted(octokit: GitHubClient, pr: PullRequestRef, marker: string): Promise<boolean> {
  const snapshot = await fetchPullRequestSnapshot(octokit, pr, [], true);
  return snapshot.reviews.some((review) => review.authorIsBot && review.body.includes(marker));
}

/**
 * Posts the plan as ONE review (event COMMENT) on the head commit. If GitHub still refuses a comment's
 * line with 422 (the diff moved under us), the review is posted again with every finding in its body:
 * nothing is lost, and the batch never fails as a whole. A failure that may have been applied (5xx,
 * timeout, reset) is checked by the review's marker before the review is sent again.
 */
export async function publishReview(
  octokit: GitHubClient,
  pr: PullRequestRef,
  plan: ReviewPlan,
  maxInline: number,
  renderers: Pick<FindingRenderers, "fingerprintMarker">,
  key: string,
  retry: WriteRetry = {},
): Promise<ReviewOutcome> {
  if (plan.comments.length === 0 && plan.overflow.length === 0) return "nothing-new";
  const marker = reviewMarker(pr, key);
  const base = {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    commit_id: pr.headSha,
    event: "COMMENT" as const,
  };
  const post = <T extends ReviewOutcome>(outcome: T, body: string, comments: ReviewPlan["comments"]) =>
    writeOnce(
      "post the review",
      async () => {
        await octokit.rest.pulls.createReview({
          ...base,
          body: `${body}\n\n${marker}`,
          ...(comments.length > 0 ? { comments } : {}),
        });
        return outcome;
      },
      async () => ((await reviewPosted(octokit, pr, marker)) ? outcome : undefined),
      retry,
    );
  try {
    return await post(
      "posted",
      renderReviewBody(plan.comments.length, plan.overflow, maxInline, renderers),
      plan.comments,
    );
  } catch (error) {
    if (statusOf(error) !== 422 || plan.comments.length === 0) throw error;
    return post("posted-in-body", renderReviewBody(0, [...plan.placed, ...plan.overflow], maxInline, renderers), []);
  }
}
