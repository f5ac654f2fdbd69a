import type { Octokit } from "@octokit/rest";
import { githubError, isAlreadyExists } from "./github-error.js";
import type { GithubTarget } from "./github-target.js";
import { ScaffoldError } from "./scaffold-error.js";

export interface GithubRepository {
  fullName: string;
  cloneUrl: string;
  htmlUrl: string;
  created: boolean;
}

/**
 * Creates the repository: for the authenticated user when OWNER is that user, else in the organisation OWNER.
 * When the name is taken, `reuse` (from --force) takes the existing repository; otherwise it is an error.
 */
export async function ensureGithubRepository(
  octokit: Octokit,
  target: GithubTarget,
  description: string,
  reuse: boolean,
): Promise<GithubRepository> {
  const fullName = `${target.owner}/${target.name}`;
  let login: string;
  try {
    login = (await octokit.rest.users.getAuthenticated()).data.login;
  } catch (error) {
    throw githubError(error, "checking who the token belongs to");
  }
  const body = { name: target.name, description, private: false, has_issues: true, auto_init: false };
  try {
    const { data } =
      login.toLowerCase() === target.owner.toLowerCase()
        ? await octokit.rest.repos.createForAuthenticatedUser(body)
        : await octokit.rest.repos.createInOrg({ org: target.owner, ...body });
    return { fullName: data.full_name, cloneUrl: data.clone_url, htmlUrl: data.html_url, created: true };
  } catch (error) {
    if (!isAlreadyExists(error)) throw githubError(error, `creating the repository ${fullName}`);
    if (!reuse)
      throw new ScaffoldError(
        `The GitHub repository ${fullName} already exists. Choose another name with --github, or pass --force to push to it and add the missing exercise issues.`,
      );
  }
  try {
    const { data } = await octokit.rest.repos.get({ owner: target.owner, repo: target.name });
    return { fullName: data.full_name, cloneUrl: data.clone_url, htmlUrl: data.html_url, created: false };
  } catch (error) {
    throw githubError(error, `reading the existing repository ${fullName}`);
  }
}
