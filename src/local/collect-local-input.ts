import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import parseDiff from "parse-diff";
import { simpleGit, type SimpleGit } from "simple-git";
import { MAX_FILE_BYTES } from "../review/skip-reason.js";
import type { ChangedFile, ChangeStatus, RelatedFile } from "../contract/types.js";
import { isSqlMigration } from "../checks/database/migration-paths.js";
import { isTestFile } from "../checks/shared/is-test-file.js";
import { LocalReviewError } from "./local-review-error.js";
import { readBlobs, type Blob } from "./read-blobs.js";

export interface LocalInputOptions {
  repo: string;
  /** Compare against this ref's merge base; default: the repository's default branch. */
  base?: string;
  /** Review up to this ref; default: HEAD plus uncommitted changes. */
  head?: string;
  /** Review every file in the repository, not only the change. */
  all?: boolean;
  /** Include uncommitted (staged, unstaged and untracked) changes when head is the checkout. Default true. */
  uncommitted?: boolean;
}

export interface LocalInput {
  root: string;
  files: ChangedFile[];
  repoPaths: string[];
  relatedFiles: RelatedFile[];
  /** Contents of `.github/apprentice.yml` when the repository has one. */
  configText?: string;
  /** What was compared, for the report header. */
  description: string;
}

const CONFIG_PATH = ".github/apprentice.yml";
const MAX_RELATED_FILES = 400;
const MAX_RELATED_BYTES = 4_000_000;

async function refExists(git: SimpleGit, ref: string): Promise<boolean> {
  try {
    // simple-git resolves (with empty output) when a failing git command prints nothing, as --quiet does
    return (await git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim().length > 0;
  } catch {
    return false;
  }
}

/** The repository's default branch: origin/HEAD when there is a remote, else main, master or trunk. */
async function defaultBranch(git: SimpleGit): Promise<string | undefined> {
  try {
    const remoteHead = (await git.raw(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"])).trim();
    if (remoteHead) return remoteHead;
  } catch {
    // no origin/HEAD: fall through to the usual names
  }
  for (const name of ["main", "master", "trunk", "origin/main", "origin/master"]) {
    if (await refExists(git, name)) return name;
  }
  return undefined;
}

function readWorkingTree(root: string, paths: readonly string[]): Map<string, Blob> {
  const blobs = new Map<string, Blob>();
  for (const path of paths) {
    const file = join(root, path);
    try {
      const { size } = statSync(file);
      blobs.set(path, size > MAX_FILE_BYTES ? { size } : { size, content: readFileSync(file, "utf8") });
    } catch {
      // deleted in the working tree, or unreadable: content stays unavailable and the file is listed as skipped
    }
  }
  return blobs;
}

function statusOf(file: parseDiff.File): ChangeStatus {
  if (file.new) return "added";
  if (file.deleted) return "removed";
  if (file.from && file.to && file.from !== file.to) return "renamed";
  return "modified";
}

function lines(text: string): string[] {
  return text.split("\n").map((line) => line.trim()).filter(Boolean);
}

/**
 * Builds the review input from a local git repository with simple-git: the merge base with the default
 * branch (or --base), the changed files with their added lines, contents at head (or in the working tree
 * when uncommitted changes are included), the repository's file list, test files' contents and the config.
 */
export async function collectLocalInput(options: LocalInputOptions): Promise<LocalInput> {
  const dir = resolve(options.repo);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new LocalReviewError(`repository folder not found: ${dir}`);
  let root: string;
  try {
    root = (await simpleGit(dir).revparse(["--show-toplevel"])).trim();
  } catch {
    throw new LocalReviewError(`not a git repository: ${dir} (run \`git init\` there, or pass --repo DIR)`);
  }
  const git = simpleGit(root);
  const hasCommits = await refExists(git, "HEAD");
  const head = options.head ?? "HEAD";
  if (options.head && !(await refExists(git, options.head))) throw new LocalReviewError(`unknown ref "${options.head}" (--head) in ${root}`);
  if (options.base && !(await refExists(git, options.base))) throw new LocalReviewError(`unknown ref "${options.base}" (--base) in ${root}`);
  const fromWorkingTree = options.head === undefined && options.uncommitted !== false;
  if (!hasCommits && !fromWorkingTree) throw new LocalReviewError(`the repository at ${root} has no commits yet`);

  const repoPaths = fromWorkingTree
    ? lines(await git.raw(["ls-files", "--cached", "--others", "--exclude-standard"])).filter((path) => existsSync(join(root, path)))
    : lines(await git.raw(["ls-tree", "-r", "--name-only", head]));
  const read = (paths: readonly string[]) => (fromWorkingTree ? Promise.resolve(readWorkingTree(root, paths)) : readBlobs(root, head, paths, MAX_FILE_BYTES));

  let files: ChangedFile[];
  let description: string;
  if (options.all) {
    const blobs = await read(repoPaths);
    files = repoPaths.map((path) => ({ path, status: "modified", content: blobs.get(path)?.content, size: blobs.get(path)?.size, addedLines: new Set<number>() }));
    description = `every file at ${fromWorkingTree ? "the working tree" : head}`;
  } else {
    const base = options.base ?? (await defaultBranch(git));
    if (!base) throw new LocalReviewError(`no default branch (main, master, origin/HEAD) in ${root}: pass --base REF, or --all to review every file`);
    const mergeBase = hasCommits ? (await git.raw(["merge-base", base, head])).trim() : undefined;
    const diffArgs = ["diff", "-U0", "--no-color", "--no-ext-diff", "-M", ...(mergeBase ? [mergeBase] : []), ...(fromWorkingTree ? [] : [head])];
    const diff = mergeBase ? parseDiff(await git.raw(diffArgs)) : [];
    const changed = new Map<string, ChangedFile>();
    for (const entry of diff) {
      const status = statusOf(entry);
      const path = status === "removed" ? entry.from : entry.to;
      if (!path || path === "/dev/null") continue;
      const addedLines = new Set<number>();
      for (const chunk of entry.chunks) for (const change of chunk.changes) if (change.type === "add") addedLines.add(change.ln);
      changed.set(path, { path, status, addedLines, ...(status === "renamed" && entry.from ? { previousPath: entry.from } : {}) });
    }
    if (fromWorkingTree) {
      const untracked = hasCommits ? lines(await git.raw(["ls-files", "--others", "--exclude-standard"])) : repoPaths;
      for (const path of untracked) changed.set(path, { path, status: "added", addedLines: new Set() });
    }
    const blobs = await read([...changed.values()].filter((file) => file.status !== "removed").map((file) => file.path));
    for (const file of changed.values()) {
      const blob = blobs.get(file.path);
      if (!blob) continue;
      file.content = blob.content;
      file.size = blob.size;
      if (file.status === "added" && file.addedLines.size === 0 && blob.content !== undefined) {
        blob.content.split("\n").forEach((_, index) => file.addedLines.add(index + 1));
      }
    }
    files = [...changed.values()];
    description = `${fromWorkingTree ? "the working tree" : head} against ${base}${mergeBase ? ` (merge base ${mergeBase.slice(0, 7)})` : ""}`;
  }

  const changedPaths = new Set(files.map((file) => file.path));
  const testPaths = repoPaths.filter((path) => (isTestFile(path) || isSqlMigration(path)) && !changedPaths.has(path)).slice(0, MAX_RELATED_FILES);
  const testBlobs = await read(testPaths);
  const relatedFiles: RelatedFile[] = [];
  let budget = MAX_RELATED_BYTES;
  for (const path of testPaths) {
    const content = testBlobs.get(path)?.content;
    if (content === undefined || content.length > budget) continue;
    budget -= content.length;
    relatedFiles.push({ path, content });
  }
  const configText = repoPaths.includes(CONFIG_PATH) ? (await read([CONFIG_PATH])).get(CONFIG_PATH)?.content : undefined;
  return { root, files, repoPaths, relatedFiles, description, ...(configText !== undefined ? { configText } : {}) };
}
