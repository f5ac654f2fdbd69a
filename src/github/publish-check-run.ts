import type { Conclusion } from "../contract/types.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";

export const CHECK_RUN_NAME = "Apprentice review";
/** GitHub's limit on `output.summary` and `output.text`. */
export const MAX_OUTPUT_CHARS = 65535;
/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

function clamp(text: string, max = MAX_OUTPUT_CHARS): string {
  if (text.length <= max) return text;
  const note = "\n\n_(cut to fit GitHub's size limit; the full review is in the summary comment)_";
  return `${text.slice(0, max - note.length)}${note}`;
}

/** The output with summary and text cut to GitHub's limits. */
export function clampOutput(output: CheckRunOutput): CheckRunOutput {
  return { title: output.title.slice(0, 255), summary: clamp(output.summary), ...(output.text ? { text: clamp(output.text) } : {}) };
}

/** Creates the check run in progress at the start of a review; returns its id. */
export async function startCheckRun(octokit: GitHubClient, pr: PullRequestRef, name = CHECK_RUN_NAME): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: pr.owner,
    repo: pr.repo,
    name,
    head_sha: pr.headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
    output: { title: "Reviewing…", summary: "Apprentice is reading the changes in this pull request." },
  });
  return data.id;
}

/**
 * Completes the check run: annotations go 50 per request (earlier batches while still in progress),
 * the last request sets the conclusion.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  pr: PullRequestRef,
  checkRunId: number,
  conclusion: Conclusion,
  output: CheckRunOutput,
  annotations: readonly CheckAnnotation[] = [],
): Promise<void> {
  const clamped = clampOutput(output);
  const batches: CheckAnnotation[][] = [];
  for (let index = 0; index < annotations.length; index += ANNOTATIONS_PER_REQUEST) batches.push(annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const batch of batches) {
    await octokit.rest.checks.update({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId, output: { ...clamped, annotations: batch } });
  }
  await octokit.rest.checks.update({
    owner: pr.owner,
    repo: pr.repo,
    check_run_id: checkRunId,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output: last.length > 0 ? { ...clamped, annotations: last } : clamped,
  });
}

/** A check run created already completed: for a review that could not start (bad config or rubric). */
export async function createCompletedCheckRun(octokit: GitHubClient, pr: PullRequestRef, conclusion: Conclusion, output: CheckRunOutput, name = CHECK_RUN_NAME): Promise<void> {
  await octokit.rest.checks.create({
    owner: pr.owner,
    repo: pr.repo,
    name,
    head_sha: pr.headSha,
    status: "completed",
    conclusion,
    completed_at: new Date().toISOString(),
    output: clampOutput(output),
  });
}
