import type { ReviewThread } from "./fetch-pull-request-snapshot.js";
import { fingerprintsIn, type FindingRenderers } from "./finding-renderers.js";
import type { GitHubClient } from "./github-client.js";

/**
 * Threads the App opened whose finding is gone: still unresolved, on a file reviewed this time, no
 * person replied (a conversation is left for people to close), and the fingerprint is not found again.
 */
export function threadsToResolve(
  threads: readonly ReviewThread[],
  currentFingerprints: ReadonlySet<string>,
  reviewedPaths: ReadonlySet<string>,
  renderers: Pick<FindingRenderers, "parseFingerprintMarker">,
): string[] {
  const ids: string[] = [];
  for (const thread of threads) {
    const [first, ...replies] = thread.comments;
    if (thread.isResolved || first === undefined || !first.authorIsBot || !reviewedPaths.has(thread.path)) continue;
    const fingerprints = fingerprintsIn(first.body, renderers);
    if (fingerprints.length === 0 || fingerprints.some((fingerprint) => currentFingerprints.has(fingerprint))) continue;
    if (replies.some((reply) => !reply.authorIsBot)) continue;
    ids.push(thread.id);
  }
  return ids;
}

/** Resolves threads with ONE GraphQL request (an aliased `resolveReviewThread` per thread). */
export async function resolveThreads(octokit: GitHubClient, threadIds: readonly string[]): Promise<void> {
  if (threadIds.length === 0) return;
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  threadIds.forEach((id, index) => {
    variables[`t${index}`] = id;
    declarations.push(`$t${index}: ID!`);
    fields.push(`r${index}: resolveReviewThread(input: { threadId: $t${index} }) { thread { id isResolved } }`);
  });
  await octokit.graphql(`mutation(${declarations.join(", ")}) { ${fields.join(" ")} }`, variables);
}
