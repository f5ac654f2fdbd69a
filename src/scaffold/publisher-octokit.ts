import { Octokit } from "@octokit/rest";
import { ScaffoldError } from "./scaffold-error.js";

/** The GitHub token from GITHUB_TOKEN (the only place it is read from); missing is a ScaffoldError. */
export function githubToken(env: NodeJS.ProcessEnv = process.env): string {
  const token = env.GITHUB_TOKEN?.trim();
  if (!token)
    throw new ScaffoldError(
      '--github needs a token in the GITHUB_TOKEN environment variable. Create one with the "repo" scope and run GITHUB_TOKEN=... npm run scaffold -- ...',
    );
  return token;
}

/**
 * The Octokit the scaffolder creates and fills a new repository with (the App's own client is src/github's
 * GitHubClient). GITHUB_API_URL overrides the base URL (a GitHub Enterprise host, or a local fake in tests).
 */
export function publisherOctokit(token: string, env: NodeJS.ProcessEnv = process.env): Octokit {
  return new Octokit({
    auth: token,
    baseUrl: env.GITHUB_API_URL ?? "https://api.github.com",
    userAgent: "apprentice-scaffold",
  });
}
