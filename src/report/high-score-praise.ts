import type { ReviewResult } from "../contract/types.js";
import { formatScore, totalScore } from "./summary-counts.js";

/** Share of the total score from which a review with no praise findings still earns a word of praise. */
export const HIGH_SCORE_RATIO = 0.9;

/**
 * A sincere line of praise for a review whose checks found nothing to celebrate explicitly but whose
 * score is high: it names what earned full marks. Undefined when there is praise already, when something
 * essential is open, or when the score is not high.
 */
export function highScorePraise(result: ReviewResult): string | undefined {
  if (result.stats.filesReviewed === 0) return undefined; // nothing was reviewed: there is nothing to praise
  if (result.findings.some((finding) => finding.level === "celebratory" || finding.level === "essential"))
    return undefined;
  const total = totalScore(result);
  if (total.max <= 0 || total.score / total.max < HIGH_SCORE_RATIO) return undefined;
  const full = result.criteria
    .filter((criterion) => criterion.score >= criterion.max)
    .map((criterion) => criterion.title);
  const score = `This ${result.scope === "project" ? "project" : "change"} scored ${formatScore(total.score)} of ${formatScore(total.max)} points`;
  if (full.length === 0) return `${score}: solid work across the rubric.`;
  return `${score}, with full marks for ${listWords(full)}. Keep working this way.`;
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
