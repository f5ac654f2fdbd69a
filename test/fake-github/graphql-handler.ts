/**
 * Answers the App's GraphQL requests against the fake's state, by recognising their shape: blob
 * batches (`fN: object(expression: $eN)`), the pull request's review threads / comments / reviews,
 * and `resolveReviewThread` mutations. Declared variables must all be given, with the declared type.
 */
import { APP_BOT, type FakeRepo, type FakeUser } from "./fake-state.js";

export interface GraphqlAnswer {
  status: number;
  body: unknown;
  problems: string[];
}

function author(user: FakeUser) {
  return { __typename: user.type, login: user.type === "Bot" ? user.login.replace(/\[bot\]$/, "") : user.login };
}

function checkVariables(query: string, variables: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const header = /^\s*(?:query|mutation)\s*\(([^)]*)\)/.exec(query);
  const declared = new Map<string, string>();
  for (const match of (header?.[1] ?? "").matchAll(/\$(\w+)\s*:\s*([\w!]+)/g)) declared.set(match[1]!, match[2]!);
  for (const [name, type] of declared) {
    const value = variables[name];
    if (value === undefined || value === null) {
      if (type.endsWith("!")) problems.push(`GraphQL variable $${name} (${type}) was not provided`);
      continue;
    }
    const base = type.replace(/!$/, "");
    if ((base === "String" || base === "ID") && typeof value !== "string")
      problems.push(`GraphQL variable $${name} must be a ${base}`);
    if (base === "Int" && !Number.isInteger(value)) problems.push(`GraphQL variable $${name} must be an Int`);
  }
  for (const match of query.matchAll(/\$(\w+)/g))
    if (!declared.has(match[1]!)) problems.push(`GraphQL variable $${match[1]} is used but not declared`);
  for (const name of Object.keys(variables))
    if (!declared.has(name)) problems.push(`GraphQL variable $${name} is given but not declared`);
  return problems;
}

/** The GraphQL node id the fake gives an issue comment. */
export function issueCommentNodeId(id: number): string {
  return `IC_${id}`;
}

export function answerGraphql(
  repos: Map<string, FakeRepo>,
  request: { query?: unknown; variables?: unknown },
  viewer: FakeUser = APP_BOT,
): GraphqlAnswer {
  if (typeof request.query !== "string")
    return {
      status: 400,
      body: { message: "Problems parsing JSON" },
      problems: ["GraphQL request without a query string"],
    };
  const query = request.query;
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const problems = checkVariables(query, variables);
  if (problems.length > 0) return { status: 200, body: { errors: problems.map((message) => ({ message })) }, problems };

  if (/^\s*mutation/.test(query)) {
    const data: Record<string, unknown> = {};
    const errors: { message: string }[] = [];
    const fields = [...query.matchAll(/(\w+)\s*:\s*resolveReviewThread\(input:\s*\{\s*threadId:\s*\$(\w+)\s*\}\)/g)];
    const edits = [
      ...query.matchAll(
        /(\w+)\s*:\s*updateIssueComment\(input:\s*\{\s*id:\s*\$(\w+),\s*body:\s*\$(\w+)\s*\}\)\s*\{\s*issueComment\s*\{\s*id\s*\}\s*\}/g,
      ),
    ];
    for (const [, alias, idVariable, bodyVariable] of edits) {
      const comment = [...repos.values()]
        .flatMap((repo) => repo.issueComments)
        .find((candidate) => issueCommentNodeId(candidate.id) === variables[idVariable!]);
      if (!comment || comment.user.login !== viewer.login) {
        errors.push({
          message: `Could not resolve to a node with the global id of '${String(variables[idVariable!])}'`,
        });
        data[alias!] = null;
        continue;
      }
      comment.body = String(variables[bodyVariable!]);
      data[alias!] = { issueComment: { id: issueCommentNodeId(comment.id) } };
    }
    if (fields.length === 0 && edits.length === 0)
      return {
        status: 200,
        body: { errors: [{ message: "unrecognised mutation" }] },
        problems: [`fake GitHub does not recognise this mutation: ${query.slice(0, 120)}`],
      };
    for (const [, alias, variable] of fields) {
      const threadId = variables[variable!];
      const thread = [...repos.values()].flatMap((repo) => repo.threads).find((candidate) => candidate.id === threadId);
      if (!thread) {
        errors.push({ message: `Could not resolve to a node with the global id of '${String(threadId)}'` });
        data[alias!] = null;
        continue;
      }
      thread.resolved = true;
      data[alias!] = { thread: { id: thread.id, isResolved: true } };
    }
    return { status: 200, body: errors.length > 0 ? { data, errors } : { data }, problems: [] };
  }

  const repoMatch = /repository\(owner:\s*\$owner,\s*name:\s*\$name\)/.exec(query);
  if (!repoMatch)
    return {
      status: 200,
      body: { errors: [{ message: "unrecognised query" }] },
      problems: [`fake GitHub does not recognise this query: ${query.slice(0, 120)}`],
    };
  const repo = repos.get(`${String(variables.owner)}/${String(variables.name)}`);
  if (!repo)
    return {
      status: 200,
      body: {
        data: { repository: null },
        errors: [{ type: "NOT_FOUND", message: "Could not resolve to a Repository" }],
      },
      problems: [],
    };
  const repository: Record<string, unknown> = {};
  for (const [, alias, variable] of query.matchAll(
    /(\w+)\s*:\s*object\(expression:\s*\$(\w+)\)\s*\{\s*\.\.\.\s*on Blob\s*\{\s*text isBinary byteSize\s*\}\s*\}/g,
  )) {
    const expression = String(variables[variable!]);
    const colon = expression.indexOf(":");
    const files = repo.commits.get(expression.slice(0, colon));
    const text = files?.get(expression.slice(colon + 1));
    if (text === undefined) repository[alias!] = null;
    else {
      const binary = text.includes("\0");
      repository[alias!] = { text: binary ? null : text, isBinary: binary, byteSize: Buffer.byteLength(text) };
    }
  }
  if (/pullRequest\(number:\s*\$number\)/.test(query)) {
    const pull = repo.pulls.get(Number(variables.number));
    repository.pullRequest = pull
      ? {
          reviewThreads: {
            nodes: repo.threads
              .filter((thread) => thread.pull === pull.number)
              .slice(0, 100)
              .map((thread) => ({
                id: thread.id,
                isResolved: thread.resolved,
                path: thread.path,
                comments: {
                  nodes: thread.commentIds
                    .slice(0, 50)
                    .map((id) => repo.reviewComments.find((comment) => comment.id === id)!)
                    .map((comment) => ({ databaseId: comment.id, body: comment.body, author: author(comment.user) })),
                },
              })),
          },
          comments: {
            nodes: repo.issueComments
              .filter((comment) => comment.issue === pull.number)
              .slice(-100)
              .map((comment) => ({
                id: issueCommentNodeId(comment.id),
                databaseId: comment.id,
                body: comment.body,
                author: author(comment.user),
              })),
          },
          reviews: {
            nodes: repo.reviews
              .filter((review) => review.pull === pull.number)
              .slice(-50)
              .map((review) => ({ databaseId: review.id, body: review.body, author: author(review.user) })),
          },
        }
      : null;
  }
  void viewer;
  return { status: 200, body: { data: { repository } }, problems: [] };
}
