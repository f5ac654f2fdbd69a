import type { Octokit } from "@octokit/rest";
import type { ExerciseIssue } from "./exercise-issue.js";
import { githubError, isAlreadyExists } from "./github-error.js";
import type { GithubTarget } from "./github-target.js";

const LABEL_COLORS: Readonly<Record<string, string>> = { exercise: "0e8a16" };
const SKILL_COLOR = "1d76db";

async function ensureLabel(octokit: Octokit, target: GithubTarget, name: string): Promise<void> {
  try {
    await octokit.rest.issues.createLabel({
      owner: target.owner,
      repo: target.name,
      name,
      color: LABEL_COLORS[name] ?? SKILL_COLOR,
    });
  } catch (error) {
    if (!isAlreadyExists(error)) throw githubError(error, `creating the label "${name}"`);
  }
}

/**
 * Creates the labels and one issue per exercise, skipping exercises whose title is already an issue
 * (open or closed), so a re-run adds only what is missing. Returns the titles created and skipped.
 */
export async function createExerciseIssues(
  octokit: Octokit,
  target: GithubTarget,
  issues: readonly ExerciseIssue[],
): Promise<{ created: string[]; skipped: string[] }> {
  let existing: Set<string>;
  try {
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      owner: target.owner,
      repo: target.name,
      state: "all",
      per_page: 100,
    });
    existing = new Set(all.map((issue) => issue.title));
  } catch (error) {
    throw githubError(error, `listing the issues of ${target.owner}/${target.name}`);
  }
  for (const label of new Set(issues.flatMap((issue) => issue.labels))) await ensureLabel(octokit, target, label);
  const created: string[] = [];
  const skipped: string[] = [];
  for (const issue of issues) {
    if (existing.has(issue.title)) {
      skipped.push(issue.title);
      continue;
    }
    try {
      await octokit.rest.issues.create({
        owner: target.owner,
        repo: target.name,
        title: issue.title,
        body: issue.body,
        labels: issue.labels,
      });
    } catch (error) {
      throw githubError(error, `creating the issue "${issue.title}"`);
    }
    created.push(issue.title);
  }
  return { created, skipped };
}
