import type { GitHubClient, PullRequestRef } from "./github-client.js";

export interface RepoTree {
  /** Every file (blob) path in the repository at the head commit. */
  paths: string[];
  /** Size in bytes of each file, from the tree. */
  sizes: Map<string, number>;
  /** GitHub cut the recursive listing short (very large repositories). */
  truncated: boolean;
}

/** The repository's file list at the head commit, in ONE recursive `git.getTree` request. */
export async function fetchRepoTree(
  octokit: GitHubClient,
  pr: PullRequestRef,
  signal?: AbortSignal,
): Promise<RepoTree> {
  const { data } = await octokit.rest.git.getTree({
    owner: pr.owner,
    repo: pr.repo,
    tree_sha: pr.headSha,
    recursive: "true",
    ...(signal ? { request: { signal } } : {}),
  });
  const paths: string[] = [];
  const sizes = new Map<string, number>();
  for (const entry of data.tree) {
    if (entry.type !== "blob" || entry.path === undefined) continue;
    paths.push(entry.path);
    if (entry.size !== undefined) sizes.set(entry.path, entry.size);
  }
  return { paths, sizes, truncated: data.truncated };
}
