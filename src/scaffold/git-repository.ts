import { existsSync } from "node:fs";
import { join } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { ScaffoldError } from "./scaffold-error.js";

export interface GitOptions {
  /** The git executable; tests point it at a missing one. Default "git". */
  binary?: string;
}

const FALLBACK_IDENTITY = ["user.name=Apprentice", "user.email=apprentice@users.noreply.github.com"];
const COMMIT_OPTIONS = { "--no-gpg-sign": null, "--no-verify": null };

/**
 * A simple-git instance for `dir`, after checking that git is installed. When no identity is configured,
 * commits are made as "Apprentice" for these commands only (nothing is written to git config).
 */
async function openGit(dir: string, options: GitOptions): Promise<SimpleGit> {
  const binary = options.binary ?? "git";
  const probe = simpleGit({ baseDir: dir, binary });
  const version = await probe.version().catch(() => ({ installed: false }));
  if (!version.installed) {
    throw new ScaffoldError(
      "git was not found. Install git (https://git-scm.com/downloads) and make sure it is on your PATH, or pass --no-git.",
    );
  }
  const hasIdentity =
    (await probe.getConfig("user.name")).value !== null && (await probe.getConfig("user.email")).value !== null;
  return hasIdentity ? probe : simpleGit({ baseDir: dir, binary, config: FALLBACK_IDENTITY });
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split("\n")[0] ?? "unknown error";
}

/** `git init -b main`, stage everything and make the initial commit. */
export async function initRepository(dir: string, message: string, options: GitOptions = {}): Promise<void> {
  const git = await openGit(dir, options);
  try {
    await git.init(["--initial-branch=main"]);
    await git.add(".");
    await git.commit(message, undefined, COMMIT_OPTIONS);
  } catch (error) {
    throw new ScaffoldError(
      `git could not create the initial commit: ${firstLine(error)}. Fix your git setup, or pass --no-git.`,
    );
  }
}

/**
 * After `npm install`: commits the package-lock.json it wrote, so the learner starts from a clean
 * working tree with locked dependency versions. Returns why it could not, or undefined.
 */
export async function commitLockfile(dir: string, options: GitOptions = {}): Promise<string | undefined> {
  if (!existsSync(join(dir, "package-lock.json"))) return undefined;
  try {
    const git = await openGit(dir, options);
    const status = await git.status(["--", "package-lock.json"]);
    if (status.isClean()) return undefined;
    await git.add("package-lock.json");
    await git.commit("Lock dependency versions (npm install)", ["package-lock.json"], COMMIT_OPTIONS);
    return undefined;
  } catch (error) {
    return `git could not commit package-lock.json (${firstLine(error)})`;
  }
}
