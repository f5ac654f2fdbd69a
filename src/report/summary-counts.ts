import type { ReviewResult } from "../contract/types.js";
import { countByLevel } from "./count-by-level.js";

/** The closing line every renderer agrees on, e.g. "1 essential, 2 actionable, 0 informative, 1 praise". */
export function findingCountsLine(result: ReviewResult): string {
  const counts = countByLevel(result.findings);
  return `${counts.essential} essential, ${counts.actionable} actionable, ${counts.informative} informative, ${counts.celebratory} praise`;
}

/** "5 files reviewed, 1 skipped". */
export function fileCountsLine(result: ReviewResult): string {
  const reviewed = result.stats.filesReviewed;
  return `${reviewed} ${reviewed === 1 ? "file" : "files"} reviewed, ${result.skipped.length} skipped`;
}

/** Total score over all criteria, e.g. { score: 24, max: 30 }. */
export function totalScore(result: ReviewResult): { score: number; max: number } {
  const score = result.criteria.reduce((sum, criterion) => sum + criterion.score, 0);
  const max = result.criteria.reduce((sum, criterion) => sum + criterion.max, 0);
  return { score: Math.round(score * 100) / 100, max };
}

/** A score as the renderers print it: at most two decimals, no trailing zeros. */
export function formatScore(value: number): string {
  return String(Math.round(value * 100) / 100);
}
