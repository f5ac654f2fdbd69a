import type { GitHubClient, PullRequestRef } from "./github-client.js";

export interface BlobContent {
  /** Null when GitHub does not return text (binary or too large). */
  text: string | null;
  isBinary: boolean;
  byteSize: number;
}

export interface CommentNode {
  databaseId: number;
  body: string;
  /** The author is a GitHub App or other bot (GraphQL `__typename: "Bot"`), not a person. */
  authorIsBot: boolean;
  /** The GraphQL node id (issue comments only): lets the summary be edited in the same mutation that resolves threads. */
  nodeId?: string;
}

export interface ReviewThread {
  id: string;
  isResolved: boolean;
  path: string;
  comments: CommentNode[];
}

export interface PullRequestSnapshot {
  /** Per path: the blob at the head commit, or null when there is none (deleted, or not a file). */
  blobs: Map<string, BlobContent | null>;
  threads: ReviewThread[];
  issueComments: CommentNode[];
  /** Bodies of the latest reviews (the App lists findings it could not place inline there). */
  reviews: CommentNode[];
}

interface GraphqlAuthor {
  __typename?: string;
}
interface GraphqlComment {
  id?: string;
  databaseId: number;
  body: string;
  author: GraphqlAuthor | null;
}
interface GraphqlRepository {
  pullRequest?: {
    reviewThreads: {
      nodes: { id: string; isResolved: boolean; path: string; comments: { nodes: GraphqlComment[] } }[];
    };
    comments: { nodes: GraphqlComment[] };
    reviews: { nodes: GraphqlComment[] };
  } | null;
  [alias: string]: unknown;
}

const COMMENT_FIELDS = "databaseId body author { __typename }";

/**
 * One GraphQL query: aliased `object(expression: "<sha>:<path>")` per path (expressions passed as
 * variables, never spliced into the query text), plus, when asked, the pull request's review threads
 * and latest issue comments, so the App learns what it already posted without further requests.
 */
export function buildSnapshotQuery(pathCount: number, withPullRequest: boolean): string {
  const variables = ["$owner: String!", "$name: String!"];
  if (withPullRequest) variables.push("$number: Int!");
  const fields: string[] = [];
  if (withPullRequest) {
    fields.push(
      `pullRequest(number: $number) { reviewThreads(first: 100) { nodes { id isResolved path comments(first: 50) { nodes { ${COMMENT_FIELDS} } } } } comments(last: 100) { nodes { id ${COMMENT_FIELDS} } } reviews(last: 50) { nodes { ${COMMENT_FIELDS} } } }`,
    );
  }
  for (let index = 0; index < pathCount; index += 1) {
    variables.push(`$e${index}: String!`);
    fields.push(`f${index}: object(expression: $e${index}) { ... on Blob { text isBinary byteSize } }`);
  }
  return `query(${variables.join(", ")}) { repository(owner: $owner, name: $name) { ${fields.join(" ")} } }`;
}

function toComment(node: GraphqlComment): CommentNode {
  return {
    databaseId: node.databaseId,
    body: node.body,
    authorIsBot: node.author?.__typename === "Bot",
    ...(node.id ? { nodeId: node.id } : {}),
  };
}

/** Runs the snapshot query for one batch of paths at the head commit. */
export async function fetchPullRequestSnapshot(
  octokit: GitHubClient,
  pr: PullRequestRef,
  paths: readonly string[],
  withPullRequest: boolean,
  signal?: AbortSignal,
): Promise<PullRequestSnapshot> {
  const variables: Record<string, string | number> = { owner: pr.owner, name: pr.repo };
  if (withPullRequest) variables.number = pr.number;
  paths.forEach((path, index) => {
    variables[`e${index}`] = `${pr.headSha}:${path}`;
  });
  const data = await octokit.graphql<{ repository: GraphqlRepository }>(
    buildSnapshotQuery(paths.length, withPullRequest),
    {
      ...variables,
      ...(signal ? { request: { signal } } : {}),
    },
  );
  const blobs = new Map<string, BlobContent | null>();
  paths.forEach((path, index) => {
    const blob = data.repository[`f${index}`] as Partial<BlobContent> | null | undefined;
    blobs.set(
      path,
      blob && typeof blob.isBinary === "boolean"
        ? { text: blob.text ?? null, isBinary: blob.isBinary, byteSize: blob.byteSize ?? 0 }
        : null,
    );
  });
  const pull = data.repository.pullRequest;
  return {
    blobs,
    threads: (pull?.reviewThreads.nodes ?? []).map((thread) => ({
      id: thread.id,
      isResolved: thread.isResolved,
      path: thread.path,
      comments: thread.comments.nodes.map(toComment),
    })),
    issueComments: (pull?.comments.nodes ?? []).map(toComment),
    reviews: (pull?.reviews.nodes ?? []).map(toComment),
  };
}
