import type { CheckAnnotation, CheckRunOutput } from "../github/publish-check-run.js";
import type { ConfigDeps } from "../github/load-review-config.js";
import type { FindingRenderers } from "../github/finding-renderers.js";
import type { LearningThemes } from "../report/learning-themes.js";
import type { ReviewInput, ReviewResult } from "../contract/types.js";
import type { HistoryStore } from "../storage/history-store.js";

/**
 * What the App needs from the rest of Apprentice: the engine, the config and rubric loaders, and the
 * renderers. `createDefaultDeps()` wires the real ones; tests may pass others.
 */
export interface AppDeps extends ConfigDeps, FindingRenderers {
  /** The engine; the App runs it in a worker thread (`ThreadedReview`), tests may run it inline. */
  review(input: ReviewInput): ReviewResult | Promise<ReviewResult>;
  toCheckRunOutput(result: ReviewResult, options?: { maxAnnotations?: number }): CheckRunOutput;
  toAnnotations(result: ReviewResult): CheckAnnotation[];
  renderSummaryMarkdown(
    result: ReviewResult,
    options?: { marker?: string; maxLength?: number; headSha?: string; history?: LearningThemes },
  ): string;
  /** The hidden marker the summary comment carries. */
  summaryMarker: string;
  /** Every known check id, for `/apprentice explain`. */
  checkIds(): readonly string[];
  /** The lesson Markdown of a check (`rubrics/lessons/<id>.md`), or undefined when there is none. */
  readLesson(checkId: string): string | undefined;
  /** Waits before retrying a write that may have been applied (default 1, 2, 4, 8 s); tests pass milliseconds. */
  writeRetryDelaysMs?: readonly number[];
  /** The review history (recurring themes, progress, forget-me); without it the App reviews without memory. */
  history?: HistoryStore;
}
