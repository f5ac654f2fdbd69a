import type { RepoConfig } from "../contract/repo-config.js";
import type { Rubric } from "../contract/rubric-schema.js";
import { ValidationError } from "../validation/validation-error.js";
import { statusOf, type GitHubClient, type PullRequestRef } from "./github-client.js";

/** Where a repository keeps its Apprentice settings (read through Probot's config loader). */
export const CONFIG_FILE = ".github/apprentice.yml";

export interface ConfigDeps {
  parseRepoConfig(data: unknown, file: string): RepoConfig;
  builtinRubricIds(): readonly string[];
  loadBuiltinRubric(id: string): Rubric;
  parseRubric(yamlText: string, file: string): Rubric;
}

export interface ReviewConfig {
  config: RepoConfig;
  rubric: Rubric;
}

/**
 * Reads `.github/apprentice.yml` with `readConfig` (Probot's `context.config`, which follows `_extends`
 * and the owner's `.github` repository), validates it, and resolves the rubric: a built-in id, or a
 * path in the repository read at the base commit. Bad input throws a ValidationError naming the file.
 */
export async function loadReviewConfig(
  readConfig: () => Promise<unknown>,
  octokit: GitHubClient,
  pr: PullRequestRef,
  deps: ConfigDeps,
): Promise<ReviewConfig> {
  let data: unknown;
  try {
    data = await readConfig();
  } catch (error) {
    if (statusOf(error) !== undefined) throw error;
    const reason =
      error instanceof Error ? error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "") : String(error);
    throw new ValidationError(CONFIG_FILE, [{ path: "(root)", expected: `a YAML mapping of settings (${reason})` }]);
  }
  const config = deps.parseRepoConfig(data ?? {}, CONFIG_FILE);
  if (deps.builtinRubricIds().includes(config.rubric)) return { config, rubric: loadBuiltin(config.rubric, deps) };
  return { config, rubric: await fetchRepoRubric(octokit, pr, config.rubric, deps) };
}

/** A broken built-in rubric is Apprentice's fault, not the repository's: say so, without server paths. */
export class BuiltinRubricError extends Error {
  constructor(readonly rubricId: string) {
    super(
      `Apprentice's built-in rubric "${rubricId}" could not be loaded. This is a problem in Apprentice, not in your repository; choose another rubric in ${CONFIG_FILE} or ask the people who run Apprentice`,
    );
    this.name = "BuiltinRubricError";
  }
}

function loadBuiltin(id: string, deps: ConfigDeps): Rubric {
  try {
    return deps.loadBuiltinRubric(id);
  } catch {
    throw new BuiltinRubricError(id);
  }
}

async function fetchRepoRubric(
  octokit: GitHubClient,
  pr: PullRequestRef,
  path: string,
  deps: ConfigDeps,
): Promise<Rubric> {
  const notFound = new ValidationError(CONFIG_FILE, [
    {
      path: "rubric",
      expected: `a built-in rubric id (${deps.builtinRubricIds().join(", ")}) or the path of a rubric file in the repository's base branch`,
      received: JSON.stringify(path),
    },
  ]);
  if (!/\.ya?ml$/i.test(path)) throw notFound;
  try {
    const response = await octokit.rest.repos.getContent({
      owner: pr.owner,
      repo: pr.repo,
      path: path.replace(/^\.?\//, ""),
      ref: pr.baseSha,
      mediaType: { format: "raw" },
    });
    if (typeof response.data !== "string") throw notFound;
    return deps.parseRubric(response.data, path);
  } catch (error) {
    if (statusOf(error) === 404) throw notFound;
    throw error;
  }
}
