import type { GitHubClient } from "../github/github-client.js";
import type { AppMetrics } from "../app/app-metrics.js";

const counted = new WeakSet<object>();

/** Counts every GitHub request of `octokit` by status, and the retries Octokit's retry plugin sends. */
export function countRequests(octokit: GitHubClient, metrics: AppMetrics): GitHubClient {
  if (counted.has(octokit)) return octokit;
  counted.add(octokit);
  const retried = (options: { request?: { retryCount?: number } }) => {
    if ((options.request?.retryCount ?? 0) > 0) metrics.retries.inc({ kind: "request" });
  };
  octokit.hook.after("request", (response, options) => {
    metrics.githubRequests.inc({ status: String(response.status) });
    retried(options as never);
  });
  octokit.hook.error("request", (error, options) => {
    const status = (error as { status?: unknown }).status;
    metrics.githubRequests.inc({ status: typeof status === "number" ? String(status) : "error" });
    retried(options as never);
    throw error;
  });
  return octokit;
}
