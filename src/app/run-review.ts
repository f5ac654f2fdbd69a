import type { Logger } from "probot";
import { collectInput, type CollectedInput, type CollectOptions } from "../github/collect-input.js";
import { fingerprintsIn } from "../github/finding-renderers.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "../github/github-client.js";
import { loadReviewConfig, type ReviewConfig } from "../github/load-review-config.js";
import { planReview } from "../github/plan-review.js";
import { randomUUID } from "node:crypto";
import {
  completeCheckRun,
  createCompletedCheckRun,
  startCheckRun,
  type CheckRunOutput,
} from "../github/publish-check-run.js";
import { publishReview } from "../github/publish-review.js";
import { publishSummary, summaryEditFor } from "../github/publish-summary.js";
import { resolveThreads, threadsToResolve } from "../github/resolve-threads.js";
import { validationErrorOutput } from "../github/validation-output.js";
import type { WriteRetry } from "../github/write-once.js";
import { ValidationError } from "../validation/validation-error.js";
import type { AppDeps } from "./app-deps.js";
import { partialReviewNote } from "./partial-review-note.js";
import { lookUpThemes, recordReview } from "./review-history.js";
import type { ReviewTicket } from "./review-ticket.js";
import { unannotatedNote } from "./unannotated-note.js";

export interface ReviewJob {
  octokit: GitHubClient;
  pr: PullRequestRef;
  /** Probot's `context.config("apprentice.yml")`. */
  readConfig: () => Promise<unknown>;
  log: Pick<Logger, "info" | "warn" | "error">;
  ticket: ReviewTicket;
  /** True for pull_request events: a draft is skipped unless the config says `drafts: true`. */
  respectDrafts: boolean;
  /**
   * Names this review's writes (check run `external_id`, review marker) so a write GitHub applied before
   * an error is found again, not repeated. A queue passes its job id, so a retried job finds the writes
   * of an attempt that died; default: a new random key per call.
   */
  publishKey?: string;
  /** Set when a queue runs this job again (its worker died): the check run of the earlier attempt, found by `publishKey`, is reused. */
  retried?: boolean;
  /** The check run the worker already created in progress (its first step); when absent, one is created here. */
  checkRunId?: number;
}

export type ReviewOutcome = "published" | "invalid-config" | "draft-skipped" | "superseded" | "failed";

const SUPERSEDED: CheckRunOutput = {
  title: "Superseded by a newer push",
  summary:
    "A newer commit was pushed while this one was being reviewed. Apprentice reviews the newest commit instead; see its check run.",
};

function posted(collected: CollectedInput, deps: AppDeps): Set<string> {
  const fingerprints = new Set<string>();
  for (const thread of collected.threads) {
    const first = thread.comments[0];
    if (first?.authorIsBot) for (const fingerprint of fingerprintsIn(first.body, deps)) fingerprints.add(fingerprint);
  }
  for (const review of collected.reviews) {
    if (review.authorIsBot) for (const fingerprint of fingerprintsIn(review.body, deps)) fingerprints.add(fingerprint);
  }
  return fingerprints;
}

/** Bounded backoff for writes that may have been applied, each retry logged (no payload, no token). */
function writeRetry(job: ReviewJob, deps: AppDeps): WriteRetry {
  return {
    ...(deps.writeRetryDelaysMs ? { delaysMs: deps.writeRetryDelaysMs } : {}),
    onRetry: (what, attempt, error) =>
      job.log.warn({ pull: job.pr.number, attempt, status: statusOf(error) }, `apprentice: retrying: ${what}`),
  };
}

async function publish(
  job: ReviewJob,
  deps: AppDeps,
  checkRunId: number,
  review: ReviewConfig,
  collected: CollectedInput,
  key: string,
): Promise<ReviewOutcome> {
  const { octokit, pr, ticket } = job;
  const retry = writeRetry(job, deps);
  const result = await deps.review({
    files: collected.files,
    repoPaths: collected.repoPaths,
    relatedFiles: collected.relatedFiles,
    config: review.config,
    rubric: review.rubric,
    omitted: collected.leftOut,
    // A pull request is a change: wording says "this change" and points are not spread over the project's size (the CLI's --all says "project").
    scope: "change",
  });
  if (!ticket.isCurrent()) return supersede(job, checkRunId, deps);
  const plan = planReview(
    result.findings,
    collected.diffLines,
    posted(collected, deps),
    review.config.maxInlineComments,
    deps,
  );
  await publishReview(octokit, pr, plan, review.config.maxInlineComments, deps, key, retry);
  const current = new Set(result.findings.map((finding) => finding.fingerprint));
  const gone = threadsToResolve(collected.threads, current, new Set(collected.files.map((file) => file.path)), deps);
  if (!ticket.isCurrent()) return supersede(job, checkRunId, deps);
  const { maxAnnotations } = review.config;
  const note = [partialReviewNote(collected), unannotatedNote(result.findings, maxAnnotations)]
    .filter(Boolean)
    .join("\n\n");
  const history = await lookUpThemes(deps.history, pr, result, job.log);
  const rendered = deps.renderSummaryMarkdown(result, {
    marker: deps.summaryMarker,
    maxLength: 60000,
    headSha: pr.headSha,
    ...(history ? { history } : {}),
  });
  const summary = note ? `${rendered}\n\n${note}` : rendered;
  // Resolving outdated threads is a GraphQL mutation anyway: the summary edit rides along (one write, not two).
  const edit = gone.length > 0 ? summaryEditFor(collected.issueComments, deps.summaryMarker, summary) : undefined;
  // Resolving is housekeeping: if GitHub refuses it, the review itself still completes.
  const resolved = await resolveThreads(octokit, gone, edit).catch((error: unknown) => {
    job.log.warn({ threads: gone.length, status: statusOf(error) }, "apprentice: could not resolve outdated threads");
    return { summaryEdited: (error as { summaryEdited?: boolean }).summaryEdited === true };
  });
  if (!resolved.summaryEdited)
    await publishSummary(octokit, pr, summary, collected.issueComments, deps.summaryMarker, retry);
  const output = deps.toCheckRunOutput(result, { maxAnnotations });
  // Only the most important annotations are sent (one request for up to 50); the note counts the rest.
  const annotations = deps.toAnnotations(result).slice(0, maxAnnotations);
  const completed = await completeCheckRun(
    octokit,
    pr,
    checkRunId,
    result.conclusion,
    note ? { ...output, summary: `${note}\n\n${output.summary}` } : output,
    annotations,
    retry,
  );
  if (completed === "completed-neutral")
    job.log.error({ pull: pr.number }, "apprentice: GitHub refused the check run's result; completed it neutral");
  await recordReview(deps.history, pr, review, result, job.log);
  return "published";
}

const DRAFT_SKIPPED: CheckRunOutput = {
  title: "Draft skipped",
  summary:
    "This pull request is a draft. Mark it ready for review, or set `drafts: true` in `.github/apprentice.yml`, to get a review.",
};

/** Completes the worker's check run, or creates a completed one when there is none yet. */
async function finishEarly(
  job: ReviewJob,
  conclusion: "neutral",
  output: CheckRunOutput,
  key: string,
  retry: WriteRetry,
): Promise<void> {
  if (job.checkRunId === undefined) await createCompletedCheckRun(job.octokit, job.pr, conclusion, output, key, retry);
  else await completeCheckRun(job.octokit, job.pr, job.checkRunId, conclusion, output, [], retry);
}

async function supersede(job: ReviewJob, checkRunId: number, deps: AppDeps): Promise<ReviewOutcome> {
  await completeCheckRun(job.octokit, job.pr, checkRunId, "neutral", SUPERSEDED, [], writeRetry(job, deps));
  return "superseded";
}

function failureOutput(error: unknown, pr: PullRequestRef): CheckRunOutput {
  if (statusOf(error) === 404) {
    return {
      title: "Could not read this commit",
      summary: `GitHub no longer has commit \`${pr.headSha}\` (was the branch deleted or force-pushed?). Push again, or re-run this check, to get a review.`,
    };
  }
  const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return {
    title: "Could not finish the review",
    summary: `Apprentice hit a problem while reviewing: ${reason}. Re-run this check to try again.`,
  };
}

/**
 * One review of one pull request head: config, check run in progress, input, engine, then publish
 * (review, resolved threads, summary, completed check run). Never throws for bad input or a GitHub
 * error: the check run says what happened.
 */
export async function runReview(job: ReviewJob, deps: AppDeps, options: CollectOptions = {}): Promise<ReviewOutcome> {
  const { octokit, pr, log, ticket } = job;
  const key = job.publishKey ?? randomUUID();
  const retry = writeRetry(job, deps);
  let review: ReviewConfig;
  try {
    review = await loadReviewConfig(job.readConfig, octokit, pr, deps);
  } catch (error) {
    if (error instanceof ValidationError) {
      log.warn({ file: error.file, issues: error.issues.length }, "apprentice: invalid configuration");
      await finishEarly(job, "neutral", validationErrorOutput(error), key, retry);
      return "invalid-config";
    }
    log.error(
      { pull: pr.number, status: statusOf(error), message: error instanceof Error ? error.message : String(error) },
      "apprentice: could not load the configuration",
    );
    await finishEarly(job, "neutral", failureOutput(error, pr), key, retry);
    return "failed";
  }
  if (job.respectDrafts && pr.draft && !review.config.drafts) {
    log.info({ pull: pr.number }, "apprentice: draft pull request skipped (set drafts: true to review drafts)");
    if (job.checkRunId !== undefined)
      await completeCheckRun(octokit, pr, job.checkRunId, "neutral", DRAFT_SKIPPED, [], retry);
    return "draft-skipped";
  }
  if (!ticket.isCurrent()) return job.checkRunId === undefined ? "superseded" : supersede(job, job.checkRunId, deps);
  // The check run is created while the reads run: one write alongside reads (GitHub asks only that
  // writes not run concurrently), which saves a round trip on every review.
  const collecting = collectInput(octokit, pr, review.config, { ...options, signal: ticket.signal });
  collecting.catch(() => undefined);
  const checkRunId =
    job.checkRunId ??
    (await startCheckRun(octokit, pr, key, retry, job.retried === true && job.publishKey !== undefined));
  try {
    const collected = await collecting;
    if (!ticket.isCurrent()) return await supersede(job, checkRunId, deps);
    return await publish(job, deps, checkRunId, review, collected, key);
  } catch (error) {
    if (!ticket.isCurrent()) return await supersede(job, checkRunId, deps);
    log.error(
      { pull: pr.number, status: statusOf(error), message: error instanceof Error ? error.message : String(error) },
      "apprentice: review failed",
    );
    await completeCheckRun(octokit, pr, checkRunId, "neutral", failureOutput(error, pr), [], retry).catch(
      (failed: unknown) =>
        log.error(
          { pull: pr.number, status: statusOf(failed) },
          "apprentice: could not complete the check run; the in-progress sweep will",
        ),
    );
    return "failed";
  }
}
