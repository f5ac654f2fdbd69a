import { createExerciseIssues } from "./create-exercise-issues.js";
import { ensureGithubRepository } from "./ensure-github-repository.js";
import { exerciseIssue } from "./exercise-issue.js";
import { publisherOctokit } from "./publisher-octokit.js";
import type { GithubTarget } from "./github-target.js";
import { pushMain } from "./push-main.js";
import { rubricCriteria } from "./rubric-criteria.js";
import { ScaffoldError } from "./scaffold-error.js";
import type { TemplateManifest } from "./template-manifest-schema.js";

export interface PublishedRepository {
  url: string;
  issuesCreated: string[];
  issuesSkipped: string[];
  /** False when a re-run found main already on GitHub and took it instead of pushing. */
  pushed: boolean;
}

export interface PublishOptions {
  dir: string;
  manifest: TemplateManifest;
  target: GithubTarget;
  token: string;
  /** Reuse an existing repository of that name (from --force). */
  reuse: boolean;
  env?: NodeJS.ProcessEnv;
  gitBinary?: string;
}

/** Creates (or, with reuse, takes) the GitHub repository, pushes main and opens one issue per exercise. */
export async function publishToGithub(options: PublishOptions): Promise<PublishedRepository> {
  const { manifest, target } = options;
  const octokit = publisherOctokit(options.token, options.env);
  const repository = await ensureGithubRepository(octokit, target, manifest.description, options.reuse);
  const titles = new Map((rubricCriteria(manifest.rubric) ?? []).map((criterion) => [criterion.id, criterion.title]));
  try {
    const pushed = await pushMain(
      options.dir,
      repository.cloneUrl,
      options.token,
      !repository.created,
      options.gitBinary,
    );
    const issues = await createExerciseIssues(
      octokit,
      target,
      manifest.exercises.map((exercise) => exerciseIssue(exercise, titles)),
    );
    return { url: repository.htmlUrl, issuesCreated: issues.created, issuesSkipped: issues.skipped, pushed };
  } catch (error) {
    if (error instanceof ScaffoldError && repository.created) {
      throw new ScaffoldError(
        `${error.message} (The repository ${repository.fullName} was created; re-run with --force to reuse it.)`,
      );
    }
    throw error;
  }
}
