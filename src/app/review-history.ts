import type { Logger } from "probot";
import type { PullRequestRef } from "../github/github-client.js";
import type { ReviewConfig } from "../github/load-review-config.js";
import { learningThemes, rulesOf, type LearningThemes, type ThemeReview } from "../report/learning-themes.js";
import type { ReviewResult } from "../contract/types.js";
import type { HistoryStore } from "../storage/history-store.js";
import { resultParts, rubricHash } from "../storage/review-record.js";

type Log = Pick<Logger, "warn">;

/** The learner of a pull request, when the history should know it: a person's pull request in an installation. */
export function learnerOf(
  pr: PullRequestRef,
): { installationId: number; author: { login: string; id: number } } | undefined {
  if (!pr.author || pr.installationId === undefined || pr.author.type === "Bot" || pr.author.login.endsWith("[bot]"))
    return undefined;
  return { installationId: pr.installationId, author: { login: pr.author.login, id: pr.author.id } };
}

const label = (repository: string, number: number) => `${repository}#${number}`;

/**
 * The learner's themes across their last pull requests in the installation, this one first. Undefined
 * without a history, for a bot, or when the lookup fails (the review is still published, without them).
 */
export async function lookUpThemes(
  history: HistoryStore | undefined,
  pr: PullRequestRef,
  result: ReviewResult,
  log: Log,
): Promise<LearningThemes | undefined> {
  const learner = learnerOf(pr);
  if (!history || !learner) return undefined;
  const repository = `${pr.owner}/${pr.repo}`;
  try {
    const past = await history.recentReviews(
      { installationId: learner.installationId, authorId: learner.author.id },
      { limit: 9, exclude: { repository, pullNumber: pr.number } },
    );
    const current: ThemeReview = {
      label: label(repository, pr.number),
      ...(pr.url ? { url: pr.url } : {}),
      rules: rulesOf(result.findings),
    };
    const earlier = past.map((p): ThemeReview => ({
      label: label(p.repository, p.pullNumber),
      ...(p.pullUrl ? { url: p.pullUrl } : {}),
      rules: p.rules,
    }));
    return learningThemes([current, ...earlier]);
  } catch (error) {
    log.warn(
      { message: error instanceof Error ? error.message : String(error) },
      "apprentice: could not read the review history",
    );
    return undefined;
  }
}

/** Stores a published review and applies the repository's `retentionDays`. Never throws: history is not worth failing a review for. */
export async function recordReview(
  history: HistoryStore | undefined,
  pr: PullRequestRef,
  review: ReviewConfig,
  result: ReviewResult,
  log: Log,
): Promise<void> {
  const learner = learnerOf(pr);
  if (!history || !learner) return;
  const repository = `${pr.owner}/${pr.repo}`;
  try {
    await history.record({
      installationId: learner.installationId,
      repository,
      pullNumber: pr.number,
      ...(pr.url ? { pullUrl: pr.url } : {}),
      headSha: pr.headSha,
      baseSha: pr.baseSha,
      author: learner.author,
      rubric: { id: result.rubric.id, hash: rubricHash(review.rubric) },
      source: "app",
      ...resultParts(result),
    });
    await history.prune(review.config.retentionDays, { installationId: learner.installationId, repository });
  } catch (error) {
    log.warn(
      { message: error instanceof Error ? error.message : String(error) },
      "apprentice: could not record the review in the history",
    );
  }
}
