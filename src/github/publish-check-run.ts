import type { Conclusion } from "../contract/types.js";
import type { GitHubClient, PullRequestRef } from "./github-client.js";
import { writeOnce, type WriteRetry } from "./write-once.js";

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
  return {
    title: output.title.slice(0, 255),
    summary: clamp(output.summary),
    ...(output.text ? { text: clamp(output.text) } : {}),
  };
}

/**
 * The check run's `external_id`: the pull request and the key of the review that created it, so a
 * create that failed after GitHub applied it is found again instead of created twice, and a sweep can
 * tell which pull request a run left in progress belongs to.
 */
export function checkRunExternalId(pr: Pick<PullRequestRef, "number">, key: string): string {
  return `apprentice:pr=${pr.number}:key=${key}`;
}

/** The pull request number in an Apprentice check run's `external_id`, or undefined for another run's. */
export function pullNumberOfExternalId(externalId: string | null | undefined): number | undefined {
  const match = /^apprentice:pr=(\d+):key=/.exec(externalId ?? "");
  return match ? Number(match[1]) : undefined;
}

async function findCheckRun(
  octokit: GitHubClient,
  pr: PullRequestRef,
  name: string,
  externalId: string,
): Promise<number | undefined> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: pr.owner,
    repo: pr.repo,
    ref: pr.headSha,
    check_name: name,
    filter: "all",
    per_page: 100,
  });
  return data.check_runs.find((run) => run.external_id === externalId)?.id;
}

/**
 * Creates the check run in progress at the start of a review; returns its id. Never creates it twice.
 * `lookFirst` (a job run again after its worker died) reuses the run an earlier attempt with the same
 * key created, at the cost of one read.
 */
export async function startCheckRun(
  octokit: GitHubClient,
  pr: PullRequestRef,
  key: string,
  retry: WriteRetry = {},
  lookFirst = false,
  name = CHECK_RUN_NAME,
): Promise<number> {
  const externalId = checkRunExternalId(pr, key);
  if (lookFirst) {
    const existing = await findCheckRun(octokit, pr, name, externalId);
    if (existing !== undefined) return existing;
  }
  return writeOnce(
    "create the check run",
    async () => {
      const { data } = await octokit.rest.checks.create({
        owner: pr.owner,
        repo: pr.repo,
        name,
        head_sha: pr.headSha,
        external_id: externalId,
        status: "in_progress",
        started_at: new Date().toISOString(),
        output: { title: "Reviewing…", summary: "Apprentice is reading the changes in this pull request." },
      });
      return data.id;
    },
    () => findCheckRun(octokit, pr, name, externalId),
    retry,
  );
}

/** Says what happened when GitHub would not take the full result, so the run never stays in progress. */
export const UNPUBLISHED_RESULT: CheckRunOutput = {
  title: "Could not publish the full result",
  summary:
    "Apprentice finished the review, but GitHub kept refusing the check run's full result. The review and the summary comment on the pull request have the findings. Re-run this check to try again.",
};

async function sendAnnotations(
  octokit: GitHubClient,
  pr: PullRequestRef,
  checkRunId: number,
  output: CheckRunOutput,
  batch: CheckAnnotation[],
  sentBefore: number,
  retry: WriteRetry,
): Promise<void> {
  await writeOnce(
    "add annotations to the check run",
    async () => {
      await octokit.rest.checks.update({
        owner: pr.owner,
        repo: pr.repo,
        check_run_id: checkRunId,
        output: { ...output, annotations: batch },
      });
      return true;
    },
    async () => {
      // Annotations add up on GitHub: a batch sent twice would show twice, so count what landed.
      const { data } = await octokit.rest.checks.get({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId });
      return data.output.annotations_count >= sentBefore + batch.length ? true : undefined;
    },
    retry,
  );
}

async function finish(
  octokit: GitHubClient,
  pr: PullRequestRef,
  checkRunId: number,
  conclusion: Conclusion,
  output: CheckRunOutput,
  annotations: CheckAnnotation[],
  retry: WriteRetry,
): Promise<void> {
  await writeOnce(
    "complete the check run",
    async () => {
      await octokit.rest.checks.update({
        owner: pr.owner,
        repo: pr.repo,
        check_run_id: checkRunId,
        status: "completed",
        conclusion,
        completed_at: new Date().toISOString(),
        output: annotations.length > 0 ? { ...output, annotations } : output,
      });
      return true;
    },
    async () => {
      const { data } = await octokit.rest.checks.get({ owner: pr.owner, repo: pr.repo, check_run_id: checkRunId });
      return data.status === "completed" && data.conclusion === conclusion && data.output.title === output.title
        ? true
        : undefined;
    },
    retry,
  );
}

/**
 * Completes the check run: annotations go 50 per request (earlier batches while still in progress),
 * the last request sets the conclusion. Each request is retried with bounded backoff, checked first so
 * nothing lands twice. When GitHub keeps refusing the result, the run is completed neutral with a short
 * note instead (a smaller request, in later attempts), so it does not stay in progress.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  pr: PullRequestRef,
  checkRunId: number,
  conclusion: Conclusion,
  output: CheckRunOutput,
  annotations: readonly CheckAnnotation[] = [],
  retry: WriteRetry = {},
): Promise<"completed" | "completed-neutral"> {
  const clamped = clampOutput(output);
  const batches: CheckAnnotation[][] = [];
  for (let index = 0; index < annotations.length; index += ANNOTATIONS_PER_REQUEST)
    batches.push(annotations.slice(index, index + ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  try {
    let sent = 0;
    for (const batch of batches) {
      await sendAnnotations(octokit, pr, checkRunId, clamped, batch, sent, retry);
      sent += batch.length;
    }
    await finish(octokit, pr, checkRunId, conclusion, clamped, last, retry);
    return "completed";
  } catch (error) {
    retry.onRetry?.("complete the check run neutral instead", 0, error);
    await finish(octokit, pr, checkRunId, "neutral", UNPUBLISHED_RESULT, [], retry);
    return "completed-neutral";
  }
}

/** A check run created already completed: for a review that could not start (bad config or rubric). */
export async function createCompletedCheckRun(
  octokit: GitHubClient,
  pr: PullRequestRef,
  conclusion: Conclusion,
  output: CheckRunOutput,
  key: string,
  retry: WriteRetry = {},
  name = CHECK_RUN_NAME,
): Promise<void> {
  const externalId = checkRunExternalId(pr, key);
  await writeOnce(
    "create the completed check run",
    async () => {
      await octokit.rest.checks.create({
        owner: pr.owner,
        repo: pr.repo,
        name,
        head_sha: pr.headSha,
        external_id: externalId,
        status: "completed",
        conclusion,
        completed_at: new Date().toISOString(),
        output: clampOutput(output),
      });
      return true;
    },
    async () => ((await findCheckRun(octokit, pr, name, externalId)) !== undefined ? true : undefined),
    retry,
  );
}
