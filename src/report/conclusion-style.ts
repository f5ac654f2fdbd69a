import type { Conclusion } from "../contract/types.js";

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
  success: { headline: "Ready to merge", explanation: "Nothing in this change has to be fixed before it is merged.", emoji: "✅", color: "green" },
  neutral: { headline: "Reviewed in part", explanation: "Some files could not be reviewed, so this review covers only part of the change.", emoji: "⚪", color: "yellow" },
  failure: { headline: "Changes needed", explanation: "Some findings must be fixed before this change is merged; start with the first one listed.", emoji: "🛑", color: "red" },
};

/** Said when part of the change went unreviewed although the conclusion is not "neutral". */
export const PARTIAL_REVIEW_NOTE = "Part of this change could not be reviewed: see the files not reviewed.";

/** The conclusion's explanation, plus the partial-review note when it applies. */
export function conclusionExplanation(conclusion: Conclusion, partial: boolean): string {
  const explanation = CONCLUSION_STYLE[conclusion].explanation;
  return partial && conclusion !== "neutral" ? `${explanation} ${PARTIAL_REVIEW_NOTE}` : explanation;
}
