import type { Conclusion, ReviewResult } from "../contract/types.js";

/** How each review conclusion is named and shown, shared by the renderers. */
export interface ConclusionStyle {
  /** Short headline, e.g. "Changes needed". */
  headline: string;
  /** One sentence for the learner about what the conclusion means. */
  explanation: string;
  emoji: string;
  color: "red" | "yellow" | "green";
}

export const CONCLUSION_STYLE: Readonly<Record<Conclusion, ConclusionStyle>> = {
  success: {
    headline: "Ready to merge",
    explanation: "Nothing in this change has to be fixed before it is merged.",
    emoji: "✅",
    color: "green",
  },
  neutral: {
    headline: "Reviewed in part",
    explanation: "Some files could not be reviewed, so this review covers only part of the change.",
    emoji: "⚪",
    color: "yellow",
  },
  failure: {
    headline: "Changes needed",
    explanation: "Some findings must be fixed before this change is merged; start with the first one listed.",
    emoji: "🛑",
    color: "red",
  },
};

/** Said when part of the change went unreviewed although the conclusion is not "neutral". */
export const PARTIAL_REVIEW_NOTE = "Part of this change could not be reviewed: see the files not reviewed.";

/** A whole-project review (`--all`) has no change to merge: the same conclusions, said of the project. */
const PROJECT_EXPLANATION: Readonly<Record<Conclusion, string>> = {
  success: "Nothing in this project has to be fixed.",
  neutral: "Some files could not be reviewed, so this review covers only part of the project.",
  failure: "Some findings in this project must be fixed; start with the first one listed.",
};

/** Shown instead of a conclusion and a score when no file was reviewed: full marks there would praise nothing. */
export const NOTHING_TO_REVIEW: ConclusionStyle = {
  headline: "Nothing to review",
  explanation: "No file here could be reviewed against the rubric, so there is no score.",
  emoji: "⚪",
  color: "yellow",
};

/** True when the review looked at no file (and so found nothing): it must not read as full marks. */
export function nothingReviewed(result: Pick<ReviewResult, "stats" | "findings">): boolean {
  return result.stats.filesReviewed === 0 && result.findings.length === 0;
}

/** How a review's conclusion is shown: its style, or "Nothing to review" when no file was reviewed. */
export function styleOf(result: Pick<ReviewResult, "stats" | "findings" | "conclusion">): ConclusionStyle {
  return nothingReviewed(result) ? NOTHING_TO_REVIEW : CONCLUSION_STYLE[result.conclusion];
}

/** The conclusion's explanation (of the change, or of the project), plus the partial-review note when it applies. */
export function conclusionExplanation(
  conclusion: Conclusion,
  partial: boolean,
  scope: ReviewResult["scope"] = "change",
): string {
  const explanation = scope === "project" ? PROJECT_EXPLANATION[conclusion] : CONCLUSION_STYLE[conclusion].explanation;
  const note = scope === "project" ? PARTIAL_REVIEW_NOTE.replace("this change", "this project") : PARTIAL_REVIEW_NOTE;
  return partial && conclusion !== "neutral" ? `${explanation} ${note}` : explanation;
}

/** The explanation a renderer shows under the headline. */
export function explanationOf(
  result: Pick<ReviewResult, "stats" | "findings" | "conclusion" | "partial" | "scope">,
): string {
  return nothingReviewed(result)
    ? NOTHING_TO_REVIEW.explanation
    : conclusionExplanation(result.conclusion, result.partial, result.scope);
}
