import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { MAX_FILE_BYTES } from "../review/skip-reason.js";
import type { ChangedFile, RelatedFile } from "../contract/types.js";
import { isSqlMigration } from "../checks/shared/migration-paths.js";
import { isTestFile } from "../checks/shared/is-test-file.js";
import { followImports } from "../syntax/follow-imports.js";
import { changedFilesOfDiff } from "./changed-files-of-diff.js";
import { defaultBranch, refExists } from "./git-refs.js";
import { LocalReviewError } from "./local-review-error.js";
import { readBlobs, type Blob } from "./read-blobs.js";
import { readWorkingTree } from "./read-working-tree.js";

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

function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

interface Repository {
  root: string;
  git: SimpleGit;
  hasCommits: boolean;
  head: string;
  /** Head is the checkout with its uncommitted and untracked files. */
  fromWorkingTree: boolean;
  repoPaths: string[];
  read: (paths: readonly string[]) => Promise<Map<string, Blob>>;
}

type Reviewed = Pick<LocalInput, "files" | "description">;

/** Finds the repository around `options.repo`, checks the refs, lists its files and picks where contents come from. */
async function openRepository(options: LocalInputOptions): Promise<Repository> {
  const dir = resolve(options.repo);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new LocalReviewError(`repository folder not found: ${dir}`);
  let root: string;
  try {
    root = (await simpleGit(dir).revparse(["--show-toplevel"])).trim();
  } catch {
    throw new LocalReviewError(`not a git repository: ${dir} (run \`git init\` there, or pass --repo DIR)`);
  }
  const git = simpleGit(root);
  const hasCommits = await refExists(git, "HEAD");
  const head = options.head ?? "HEAD";
  if (options.head && !(await refExists(git, options.head)))
    throw new LocalReviewError(`unknown ref "${options.head}" (--head) in ${root}`);
  if (options.base && !(await refExists(git, options.base)))
    throw new LocalReviewError(`unknown ref "${options.base}" (--base) in ${root}`);
  const fromWorkingTree = options.head === undefined && options.uncommitted !== false;
  if (!hasCommits && !fromWorkingTree) throw new LocalReviewError(`the repository at ${root} has no commits yet`);
  const repoPaths = fromWorkingTree
    ? lines(await git.raw(["ls-files", "--cached", "--others", "--exclude-standard"])).filter((path) =>
        existsSync(join(root, path)),
      )
    : lines(await git.raw(["ls-tree", "-r", "--name-only", head]));
  const read = (paths: readonly string[]) =>
    fromWorkingTree ? Promise.resolve(readWorkingTree(root, paths)) : readBlobs(root, head, paths, MAX_FILE_BYTES);
  return { root, git, hasCommits, head, fromWorkingTree, repoPaths, read };
}

/** `--all`: every file of the repository, with no added lines. */
async function everyFile(repo: Repository): Promise<Reviewed> {
  const blobs = await repo.read(repo.repoPaths);
  const files: ChangedFile[] = repo.repoPaths.map((path) => ({
    path,
    status: "modified",
    content: blobs.get(path)?.content,
    size: blobs.get(path)?.size,
    addedLines: new Set<number>(),
  }));
  return { files, description: `every file at ${repo.fromWorkingTree ? "the working tree" : repo.head}` };
}

/** The change from the merge base with `base` (or the default branch) to head, untracked files included from the working tree. */
async function changeSinceBase(repo: Repository, baseOption: string | undefined): Promise<Reviewed> {
  const { git, root, head, hasCommits, fromWorkingTree } = repo;
  const base = baseOption ?? (await defaultBranch(git));
  if (!base)
    throw new LocalReviewError(
      `no default branch (main, master, origin/HEAD) in ${root}: pass --base REF, or --all to review every file`,
    );
  const mergeBase = hasCommits ? (await git.raw(["merge-base", base, head])).trim() : undefined;
  const diffArgs = [
    "diff",
    "-U0",
    "--no-color",
    "--no-ext-diff",
    "-M",
    ...(mergeBase ? [mergeBase] : []),
    ...(fromWorkingTree ? [] : [head]),
  ];
  const changed = mergeBase ? changedFilesOfDiff(await git.raw(diffArgs)) : new Map<string, ChangedFile>();
  if (fromWorkingTree) {
    const untracked = hasCommits
      ? lines(await git.raw(["ls-files", "--others", "--exclude-standard"]))
      : repo.repoPaths;
    for (const path of untracked) changed.set(path, { path, status: "added", addedLines: new Set() });
  }
  const blobs = await repo.read(
    [...changed.values()].filter((file) => file.status !== "removed").map((file) => file.path),
  );
  for (const file of changed.values()) {
    const blob = blobs.get(file.path);
    if (!blob) continue;
    file.content = blob.content;
    file.size = blob.size;
    if (file.status === "added" && file.addedLines.size === 0 && blob.content !== undefined) {
      blob.content.split("\n").forEach((_, index) => file.addedLines.add(index + 1));
    }
  }
  const description = `${fromWorkingTree ? "the working tree" : head} against ${base}${mergeBase ? ` (merge base ${mergeBase.slice(0, 7)})` : ""}`;
  return { files: [...changed.values()], description };
}

/** Contents of the unchanged test files (at most 400 files and 4 MB), for the checks that map tests to code. */
async function relatedTestFiles(repo: Repository, files: readonly ChangedFile[]): Promise<RelatedFile[]> {
  const changedPaths = new Set(files.map((file) => file.path));
  const testPaths = repo.repoPaths
    .filter((path) => (isTestFile(path) || isSqlMigration(path)) && !changedPaths.has(path))
    .slice(0, MAX_RELATED_FILES);
  const testBlobs = await repo.read(testPaths);
  const relatedFiles: RelatedFile[] = [];
  let budget = MAX_RELATED_BYTES;
  for (const path of testPaths) {
    const content = testBlobs.get(path)?.content;
    if (content === undefined || content.length > budget) continue;
    budget -= content.length;
    relatedFiles.push({ path, content });
  }
  return relatedFiles;
}

/** The unchanged modules the change imports (see followImports), within what is left of the related-file limits. */
async function relatedImportedFiles(
  repo: Repository,
  files: readonly ChangedFile[],
  already: readonly RelatedFile[],
): Promise<RelatedFile[]> {
  const known = new Set(repo.repoPaths);
  return followImports({
    start: files.flatMap((file) => (file.content === undefined ? [] : [{ path: file.path, content: file.content }])),
    exists: (path) => known.has(path),
    known: [...files.map((file) => file.path), ...already.map((file) => file.path)],
    read: async (paths) => new Map([...(await repo.read(paths))].map(([path, blob]) => [path, blob.content])),
    maxFiles: MAX_RELATED_FILES - already.length,
    maxBytes: MAX_RELATED_BYTES - already.reduce((sum, file) => sum + file.content.length, 0),
  });
}

/**
 * Builds the review input from a local git repository with simple-git: the merge base with the default
 * branch (or --base), the changed files with their added lines, contents at head (or in the working tree
 * when uncommitted changes are included), the repository's file list, test files' contents, the contents of
 * the modules the changed files import, and the config.
 */
export async function collectLocalInput(options: LocalInputOptions): Promise<LocalInput> {
  const repo = await openRepository(options);
  const { files, description } = options.all ? await everyFile(repo) : await changeSinceBase(repo, options.base);
  const testFiles = await relatedTestFiles(repo, files);
  const relatedFiles = options.all
    ? testFiles
    : [...testFiles, ...(await relatedImportedFiles(repo, files, testFiles))];
  const configText = repo.repoPaths.includes(CONFIG_PATH)
    ? (await repo.read([CONFIG_PATH])).get(CONFIG_PATH)?.content
    : undefined;
  return {
    root: repo.root,
    files,
    repoPaths: repo.repoPaths,
    relatedFiles,
    description,
    ...(configText !== undefined ? { configText } : {}),
  };
}
