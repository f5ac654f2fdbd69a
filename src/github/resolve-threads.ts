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

/** A summary comment edit that rides along in the resolving mutation (GraphQL `updateIssueComment`). */
export interface SummaryEdit {
  nodeId: string;
  body: string;
}

interface MutationError {
  data?: Record<string, unknown> | null;
}

/**
 * Resolves threads with ONE GraphQL request (an aliased `resolveReviewThread` per thread) and, when
 * given, edits the summary comment in the same request, so a re-review with nothing new inline stays
 * at 3 writes. Both are idempotent, so a 5xx may be retried as is. Resolves to whether the summary edit
 * landed (also when GitHub refused some of the threads), so the caller edits it over REST otherwise.
 */
export async function resolveThreads(
  octokit: GitHubClient,
  threadIds: readonly string[],
  summary?: SummaryEdit,
): Promise<{ summaryEdited: boolean }> {
  if (threadIds.length === 0 && summary === undefined) return { summaryEdited: false };
  const variables: Record<string, string> = {};
  const declarations: string[] = [];
  const fields: string[] = [];
  threadIds.forEach((id, index) => {
    variables[`t${index}`] = id;
    declarations.push(`$t${index}: ID!`);
    fields.push(`r${index}: resolveReviewThread(input: { threadId: $t${index} }) { thread { id isResolved } }`);
  });
  if (summary) {
    variables.summaryId = summary.nodeId;
    variables.summaryBody = summary.body;
    declarations.push("$summaryId: ID!", "$summaryBody: String!");
    fields.push("summary: updateIssueComment(input: { id: $summaryId, body: $summaryBody }) { issueComment { id } }");
  }
  try {
    await octokit.graphql(`mutation(${declarations.join(", ")}) { ${fields.join(" ")} }`, variables);
    return { summaryEdited: summary !== undefined };
  } catch (error) {
    // A GraphQL error on one field still applies the others: report the summary edit if it landed.
    const data = (error as MutationError).data;
    if (summary && data?.summary) throw Object.assign(error as object, { summaryEdited: true });
    throw error;
  }
}
