import { addedLinesFromPatch, diffLinesFromPatch } from "../diff/added-lines.js";
import { isSqlMigration } from "../checks/shared/migration-paths.js";
import type { RepoConfig } from "../contract/repo-config.js";
import type { ChangedFile, RelatedFile, SkippedFile } from "../contract/types.js";
import { isTestFile } from "../checks/shared/is-test-file.js";
import { batchPaths, DEFAULT_BATCH_LIMITS, type BatchLimits } from "./batch-paths.js";
import {
  fetchPullRequestSnapshot,
  type CommentNode,
  type PullRequestSnapshot,
  type ReviewThread,
} from "./fetch-pull-request-snapshot.js";
import { fetchRepoTree } from "./fetch-repo-tree.js";
import { followImports } from "../syntax/follow-imports.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { selectForLargePr } from "./large-pr.js";
import { GITHUB_LISTED_FILES_LIMIT, listPullRequestFiles } from "./list-pull-request-files.js";

export interface CollectOptions {
  batchLimits?: BatchLimits;
  /** Files larger than this are not fetched; the engine reports them as skipped. */
  maxFileBytes?: number;
  /** Bounds on the unchanged test files fetched for the tests checks. */
  maxRelatedFiles?: number;
  maxRelatedBytes?: number;
  /** Aborts the reads when a newer push supersedes this review. */
  signal?: AbortSignal;
}

export interface CollectedInput {
  files: ChangedFile[];
  repoPaths: string[];
  relatedFiles: RelatedFile[];
  /** Head-side lines of each file's diff: the only lines GitHub accepts a review comment on. */
  diffLines: Map<string, Set<number>>;
  /** Files not reviewed because the pull request is too large, with the reason. */
  leftOut: SkippedFile[];
  partial: boolean;
  /** What the App posted before: review threads and issue comments (from the same GraphQL query). */
  threads: ReviewThread[];
  issueComments: CommentNode[];
  reviews: CommentNode[];
}

function relatedTestPaths(
  paths: readonly string[],
  sizes: ReadonlyMap<string, number>,
  changed: ReadonlySet<string>,
  maxFiles: number,
  maxBytes: number,
): string[] {
  const chosen: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    if (chosen.length >= maxFiles) break;
    if (changed.has(path) || (!isTestFile(path) && !isSqlMigration(path))) continue;
    const size = sizes.get(path) ?? 0;
    if (bytes + size > maxBytes) continue;
    chosen.push(path);
    bytes += size;
  }
  return chosen;
}

/** Texts of these paths at the head commit, in batched GraphQL queries (one per batch). */
async function readTexts(
  octokit: GitHubClient,
  pr: PullRequestRef,
  paths: readonly string[],
  sizes: ReadonlyMap<string, number>,
  options: CollectOptions,
): Promise<Map<string, string | undefined>> {
  const batches = batchPaths([...paths], sizes, options.batchLimits ?? DEFAULT_BATCH_LIMITS);
  const snapshots = await Promise.all(
    batches.map((batch) => fetchPullRequestSnapshot(octokit, pr, batch, false, options.signal)),
  );
  const texts = new Map<string, string | undefined>();
  for (const snapshot of snapshots)
    for (const [path, blob] of snapshot.blobs)
      texts.set(path, blob && !blob.isBinary ? (blob.text ?? undefined) : undefined);
  return texts;
}

/**
 * Builds the engine's input for a pull request with few requests: the changed files (paginated), one
 * recursive tree, and the contents of changed files and related test files at the head commit in
 * batched GraphQL queries (the first also brings the App's earlier review threads and comments), then the
 * unchanged modules the changed files import (one more batched query per import level, only when there are any).
 */
export async function collectInput(
  octokit: GitHubClient,
  pr: PullRequestRef,
  config: RepoConfig,
  options: CollectOptions = {},
): Promise<CollectedInput> {
  const maxFileBytes = options.maxFileBytes ?? 1_000_000;
  const [listed, tree] = await Promise.all([
    listPullRequestFiles(octokit, pr, options.signal),
    fetchRepoTree(octokit, pr, options.signal),
  ]);
  const selection = selectForLargePr(listed, { maxFiles: config.maxFiles, maxLines: config.maxLines });
  const leftOut = [...selection.leftOut];
  let partial = selection.partial;
  if (pr.changedFiles !== undefined && pr.changedFiles > listed.length && listed.length >= GITHUB_LISTED_FILES_LIMIT) {
    partial = true;
    leftOut.push({
      path: "(more files)",
      reason: `left out: GitHub lists only the first ${GITHUB_LISTED_FILES_LIMIT} of ${pr.changedFiles} changed files`,
    });
  }
  const changedPaths = new Set(listed.map((file) => file.path));
  const contentPaths = selection.selected
    .filter((file) => file.status !== "removed" && (tree.sizes.get(file.path) ?? 0) <= maxFileBytes)
    .map((file) => file.path);
  const related = relatedTestPaths(
    tree.paths,
    tree.sizes,
    changedPaths,
    options.maxRelatedFiles ?? 200,
    options.maxRelatedBytes ?? 2_000_000,
  );
  const batches = batchPaths([...contentPaths, ...related], tree.sizes, options.batchLimits ?? DEFAULT_BATCH_LIMITS);
  if (batches.length === 0) batches.push([]);
  const snapshots: PullRequestSnapshot[] = await Promise.all(
    batches.map((batch, index) => fetchPullRequestSnapshot(octokit, pr, batch, index === 0, options.signal)),
  );
  const blobs = new Map(snapshots.flatMap((snapshot) => [...snapshot.blobs]));

  const diffLines = new Map<string, Set<number>>();
  const files: ChangedFile[] = selection.selected.map((file) => {
    diffLines.set(file.path, diffLinesFromPatch(file.patch));
    const blob = blobs.get(file.path);
    const changed: ChangedFile = { path: file.path, status: file.status, addedLines: addedLinesFromPatch(file.patch) };
    if (file.previousPath) changed.previousPath = file.previousPath;
    const size = tree.sizes.get(file.path);
    if (size !== undefined) changed.size = size;
    if (blob?.isBinary) changed.binary = true;
    else if (blob?.text !== null && blob?.text !== undefined) changed.content = blob.text;
    return changed;
  });
  const relatedFiles: RelatedFile[] = [];
  for (const path of related) {
    const blob = blobs.get(path);
    if (blob && !blob.isBinary && blob.text !== null) relatedFiles.push({ path, content: blob.text });
  }
  const maxRelatedFiles = options.maxRelatedFiles ?? 200;
  const maxRelatedBytes = options.maxRelatedBytes ?? 2_000_000;
  const known = new Set(tree.paths);
  const imported = await followImports({
    start: files.flatMap((file) => (file.content === undefined ? [] : [{ path: file.path, content: file.content }])),
    exists: (path) => known.has(path) && (tree.sizes.get(path) ?? 0) <= maxFileBytes,
    known: [...changedPaths, ...related],
    read: (paths) => readTexts(octokit, pr, paths, tree.sizes, options),
    maxFiles: maxRelatedFiles - relatedFiles.length,
    maxBytes: maxRelatedBytes - relatedFiles.reduce((sum, file) => sum + file.content.length, 0),
  });
  relatedFiles.push(...imported);
  return {
    files,
    repoPaths: tree.paths,
    relatedFiles,
    diffLines,
    leftOut,
    partial,
    threads: snapshots[0]?.threads ?? [],
    issueComments: snapshots[0]?.issueComments ?? [],
    reviews: snapshots[0]?.reviews ?? [],
  };
}
