import { simpleGit, type SimpleGit } from "simple-git";
import { ScaffoldError } from "./scaffold-error.js";

export interface GitOptions {
  /** The git executable; tests point it at a missing one. Default "git". */
  binary?: string;
}

const FALLBACK_IDENTITY = ["user.name=Apprentice", "user.email=apprentice@users.noreply.github.com"];

/** A simple-git instance for `dir`, after checking that git is installed. */
export async function openGit(dir: string, options: GitOptions = {}, config: string[] = []): Promise<SimpleGit> {
  const git = simpleGit({ baseDir: dir, binary: options.binary ?? "git", config });
  const version = await git.version().catch(() => ({ installed: false }));
  if (!version.installed) {
    throw new ScaffoldError("git was not found. Install git (https://git-scm.com/downloads) and make sure it is on your PATH, or pass --no-git.");
  }
  return git;
}

/**
 * `git init -b main`, stage everything and make the initial commit. When no identity is configured,
 * the commit is made as "Apprentice" for this one command (nothing is written to git config).
 */
export async function initRepository(dir: string, message: string, options: GitOptions = {}): Promise<void> {
  const probe = await openGit(dir, options);
  const hasIdentity = (await probe.getConfig("user.name")).value !== null && (await probe.getConfig("user.email")).value !== null;
  const git = hasIdentity ? probe : await openGit(dir, options, FALLBACK_IDENTITY);
  try {
    await git.init(["--initial-branch=main"]);
    await git.add(".");
    await git.commit(message, undefined, { "--no-gpg-sign": null, "--no-verify": null });
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).trim().split("\n")[0];
    throw new ScaffoldError(`git could not create the initial commit: ${reason}. Fix your git setup, or pass --no-git.`);
  }
}
