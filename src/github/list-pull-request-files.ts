import type { ChangeStatus } from "../contract/types.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";

/** GitHub's `pulls.listFiles` stops after this many files. */
export const GITHUB_LISTED_FILES_LIMIT = 3000;

export interface PullRequestFile {
  path: string;
  status: ChangeStatus;
  previousPath?: string;
  /** Absent for binary files and diffs too large for GitHub to include. */
  patch?: string;
  additions: number;
  deletions: number;
}

function toStatus(status: string): ChangeStatus {
  switch (status) {
    case "added":
    case "copied":
      return "added";
    case "removed":
      return "removed";
    case "renamed":
      return "renamed";
    default:
      return "modified";
  }
}

/** The changed files of a pull request, 100 per request, up to GitHub's 3000-file limit. */
export async function listPullRequestFiles(
  octokit: GitHubClient,
  pr: PullRequestRef,
  signal?: AbortSignal,
): Promise<PullRequestFile[]> {
  const files: PullRequestFile[] = [];
  for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
    ...(signal ? { request: { signal } } : {}),
  })) {
    for (const file of page.data) {
      files.push({
        path: file.filename,
        status: toStatus(file.status),
        ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
        ...(file.patch ? { patch: file.patch } : {}),
        additions: file.additions,
        deletions: file.deletions,
      });
    }
    if (files.length >= GITHUB_LISTED_FILES_LIMIT || page.data.length < 100) break;
  }
  return files.slice(0, GITHUB_LISTED_FILES_LIMIT);
}
