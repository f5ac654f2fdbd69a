import { posix } from "node:path";
import type { SkippedFile } from "../contract/types.js";
import type { PullRequestFile } from "./list-pull-request-files.js";

export interface SizeLimits {
  maxFiles: number;
  maxLines: number;
}

export interface LargePrSelection {
  selected: PullRequestFile[];
  /** What was left out, each with the reason in words a learner can act on. */
  leftOut: SkippedFile[];
  partial: boolean;
}

const CODE = /\.(?:[cm]?[jt]sx?)$/i;
const GENERATED =
  /(?:^|\/)(?:node_modules|vendor|dist|build|coverage)\/|\.min\.[cm]?js$|(?:^|\/)(?:package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/i;

/** Lower is more relevant: application code and tests, then other text, then generated files, then deletions. */
export function relevanceRank(file: PullRequestFile): number {
  if (file.status === "removed") return 3;
  if (GENERATED.test(file.path)) return 2;
  if (CODE.test(posix.basename(file.path))) return 0;
  return 1;
}

/**
 * When a pull request has more files or added lines than the limits, keeps the most relevant files
 * (application code and tests first, largest changes first) and says what was left out.
 */
export function selectForLargePr(files: readonly PullRequestFile[], limits: SizeLimits): LargePrSelection {
  const totalLines = files.reduce((sum, file) => sum + file.additions, 0);
  if (files.length <= limits.maxFiles && totalLines <= limits.maxLines)
    return { selected: [...files], leftOut: [], partial: false };
  const ranked = [...files].sort(
    (a, b) =>
      relevanceRank(a) - relevanceRank(b) ||
      b.additions + b.deletions - (a.additions + a.deletions) ||
      a.path.localeCompare(b.path),
  );
  const selected: PullRequestFile[] = [];
  const leftOut: SkippedFile[] = [];
  let lines = 0;
  for (const file of ranked) {
    if (selected.length >= limits.maxFiles) {
      leftOut.push({
        path: file.path,
        reason: `left out: this pull request changes ${files.length} files and Apprentice reviews at most ${limits.maxFiles} (maxFiles)`,
      });
    } else if (lines + file.additions > limits.maxLines) {
      leftOut.push({
        path: file.path,
        reason: `left out: this pull request adds ${totalLines} lines and Apprentice reviews at most ${limits.maxLines} (maxLines)`,
      });
    } else {
      selected.push(file);
      lines += file.additions;
    }
  }
  return { selected, leftOut, partial: true };
}
