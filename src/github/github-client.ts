import type { ProbotOctokit } from "probot";

/** The authenticated Octokit a Probot context hands the App (REST under `.rest`, plus `.graphql` and `.paginate`). */
export type GitHubClient = InstanceType<typeof ProbotOctokit>;

/** The pull request under review, as the handlers learn it from the webhook payload. */
export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** The commit under review. Contents are read at this SHA from the base repository, which works for forks too. */
  headSha: string;
  /** The base commit: a custom rubric is read here, so a pull request cannot rewrite its own grading. */
  baseSha: string;
  /** `changed_files` from the payload, when known: tells us when GitHub's 3000-file listing cut the list short. */
  changedFiles?: number;
  draft?: boolean;
  /** The pull request's author, for the review history (bots are not learners). */
  author?: { login: string; id: number; type?: string };
  /** The App installation that received the event, for the review history. */
  installationId?: number;
  /** The pull request's page on GitHub. */
  url?: string;
}

/** The HTTP status of an Octokit request error, or undefined for anything else. */
export function statusOf(error: unknown): number | undefined {
  if (error !== null && typeof error === "object" && "status" in error && typeof error.status === "number")
    return error.status;
  return undefined;
}
