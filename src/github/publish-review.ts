import type { FindingRenderers } from "./finding-renderers.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "./github-client.js";
import type { ReviewPlan } from "./plan-review.js";
import { renderReviewBody } from "../report/render-review-body.js";

export type ReviewOutcome = "posted" | "posted-in-body" | "nothing-new";

/**
 * Posts the plan as ONE review (event COMMENT) on the head commit. If GitHub still refuses a comment's
 * line with 422 (the diff moved under us), the review is posted again with every finding in its body:
 * nothing is lost, and the batch never fails as a whole.
 */
export async function publishReview(
  octokit: GitHubClient,
  pr: PullRequestRef,
  plan: ReviewPlan,
  maxInline: number,
  renderers: Pick<FindingRenderers, "fingerprintMarker">,
): Promise<ReviewOutcome> {
  if (plan.comments.length === 0 && plan.overflow.length === 0) return "nothing-new";
  const base = { owner: pr.owner, repo: pr.repo, pull_number: pr.number, commit_id: pr.headSha, event: "COMMENT" as const };
  try {
    await octokit.rest.pulls.createReview({
      ...base,
      body: renderReviewBody(plan.comments.length, plan.overflow, maxInline, renderers),
      ...(plan.comments.length > 0 ? { comments: plan.comments } : {}),
    });
    return "posted";
  } catch (error) {
    if (statusOf(error) !== 422 || plan.comments.length === 0) throw error;
    await octokit.rest.pulls.createReview({ ...base, body: renderReviewBody(0, [...plan.placed, ...plan.overflow], maxInline, renderers) });
    return "posted-in-body";
  }
}
