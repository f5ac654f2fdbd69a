import type { SimpleGit } from "simple-git";

/** True when `ref` names a commit in the repository. */
export async function refExists(git: SimpleGit, ref: string): Promise<boolean> {
  try {
    // simple-git resolves (with empty output) when a failing git command prints nothing, as --quiet does
    return (await git.raw(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`])).trim().length > 0;
  } catch {
    return false;
  }
}

/** The repository's default branch: origin/HEAD when there is a remote, else main, master or trunk. */
export async function defaultBranch(git: SimpleGit): Promise<string | undefined> {
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
