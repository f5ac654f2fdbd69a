/**
 * The fake GitHub's REST operations, answered from its state like GitHub would (including 422 for a
 * review comment on a line that is not in the diff). Requests reach here already checked against the
 * OpenAPI description.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { APP_BOT, diffLinesOf, simpleUser, type FakeCheckRun, type FakeRepo } from "./fake-state.js";
import type { MatchedOperation } from "./openapi-validator.js";

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestContext {
  repos: Map<string, FakeRepo>;
  baseUrl: string;
  nextId(): number;
  issueToken(token: string): void;
  violation(status: number, message: string): Reply;
  violations: string[];
}

export function answerRest(
  ctx: RestContext,
  matched: MatchedOperation,
  query: URLSearchParams,
  body: unknown,
  request: IncomingMessage,
): Reply {
  const params = matched.pathParams;
  const input = (body ?? {}) as Record<string, unknown>;
  if (matched.operationId === "apps/create-installation-access-token") {
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    ctx.issueToken(token);
    return {
      status: 201,
      body: {
        token,
        expires_at: new Date(Date.now() + 3600_000).toISOString(),
        permissions: {},
        repository_selection: "all",
      },
    };
  }
  const repo = ctx.repos.get(`${params.owner}/${params.repo}`);
  if (!repo) return { status: 404, body: { message: "Not Found" } };
  const pullNumber = Number(params.pull_number ?? params.issue_number);
  switch (matched.operationId) {
    case "repos/get-content": {
      const sha = query.get("ref") ?? repo.defaultBranchSha;
      const content = repo.commits.get(sha)?.get(params.path ?? "");
      if (content === undefined) return { status: 404, body: { message: "Not Found" } };
      if (String(request.headers.accept).includes("raw")) return { status: 200, body: content };
      return {
        status: 200,
        body: {
          type: "file",
          encoding: "base64",
          path: params.path,
          content: Buffer.from(content).toString("base64"),
          size: content.length,
        },
      };
    }
    case "pulls/get": {
      const pull = repo.pulls.get(pullNumber);
      if (!pull) return { status: 404, body: { message: "Not Found" } };
      const html = `https://github.com/${repo.owner}/${repo.name}/pull/${pull.number}`;
      return {
        status: 200,
        body: {
          number: pull.number,
          html_url: html,
          state: "open",
          draft: pull.draft,
          user: simpleUser(pull.author),
          changed_files: pull.files.length,
          head: { sha: pull.headSha, ref: pull.headRef },
          base: { sha: pull.baseSha, ref: "main" },
        },
      };
    }
    case "pulls/list-files": {
      const pull = repo.pulls.get(pullNumber);
      if (!pull) return { status: 404, body: { message: "Not Found" } };
      const perPage = Math.min(Number(query.get("per_page") ?? 30), 100);
      const page = Number(query.get("page") ?? 1);
      const listed = pull.files.slice(0, 3000);
      const items = listed.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < listed.length)
        headers.link = `<${ctx.baseUrl}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}/files?per_page=${perPage}&page=${page + 1}>; rel="next"`;
      return {
        status: 200,
        headers,
        body: items.map((file) => ({ sha: "0".repeat(40), blob_url: "", raw_url: "", contents_url: "", ...file })),
      };
    }
    case "git/get-tree": {
      const files = repo.commits.get(params.tree_sha ?? "");
      if (!files) return { status: 404, body: { message: "Not Found" } };
      return {
        status: 200,
        body: {
          sha: params.tree_sha,
          url: "",
          truncated: false,
          tree: [...files].map(([path, content]) => ({
            path,
            mode: "100644",
            type: "blob",
            sha: "0".repeat(40),
            size: Buffer.byteLength(content),
            url: "",
          })),
        },
      };
    }
    case "checks/create": {
      const run: FakeCheckRun = {
        id: ctx.nextId(),
        name: String(input.name),
        headSha: String(input.head_sha),
        status: String(input.conclusion ? "completed" : (input.status ?? "queued")),
        annotations: [] as unknown[],
        ...(typeof input.external_id === "string" ? { externalId: input.external_id } : {}),
      };
      applyCheckRun(ctx, run, input);
      repo.checkRuns.push(run);
      return {
        status: 201,
        body: {
          id: run.id,
          head_sha: run.headSha,
          name: run.name,
          status: run.status,
          conclusion: run.conclusion ?? null,
        },
      };
    }
    case "checks/get": {
      const run = repo.checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
      if (!run) return { status: 404, body: { message: "Not Found" } };
      return { status: 200, body: checkRunBody(run) };
    }
    case "checks/list-for-ref": {
      const name = query.get("check_name");
      const runs = repo.checkRuns.filter((run) => run.headSha === params.ref && (name === null || run.name === name));
      return { status: 200, body: { total_count: runs.length, check_runs: runs.map(checkRunBody) } };
    }
    case "checks/update": {
      const run = repo.checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
      if (!run) return { status: 404, body: { message: "Not Found" } };
      applyCheckRun(ctx, run, input);
      return {
        status: 200,
        body: {
          id: run.id,
          head_sha: run.headSha,
          name: run.name,
          status: run.status,
          conclusion: run.conclusion ?? null,
        },
      };
    }
    case "pulls/create-review":
      return createReview(ctx, repo, pullNumber, input);
    case "issues/create-comment": {
      const comment = { id: ctx.nextId(), issue: pullNumber, body: String(input.body), user: APP_BOT };
      repo.issueComments.push(comment);
      return {
        status: 201,
        body: { id: comment.id, body: comment.body, user: { login: APP_BOT.login, type: APP_BOT.type } },
      };
    }
    case "issues/update-comment": {
      const comment = repo.issueComments.find((candidate) => candidate.id === Number(params.comment_id));
      if (!comment) return { status: 404, body: { message: "Not Found" } };
      if (comment.user.login !== APP_BOT.login)
        return ctx.violation(403, "the App tried to edit a comment it did not write");
      comment.body = String(input.body);
      return { status: 200, body: { id: comment.id, body: comment.body } };
    }
    default:
      return ctx.violation(501, `fake GitHub does not implement ${matched.route}`);
  }
}

function checkRunBody(run: FakeCheckRun) {
  return {
    id: run.id,
    head_sha: run.headSha,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion ?? null,
    external_id: run.externalId ?? null,
    output: {
      title: run.output?.title ?? null,
      summary: run.output?.summary ?? null,
      text: run.output?.text ?? null,
      annotations_count: run.annotations.length,
    },
  };
}

function applyCheckRun(ctx: RestContext, run: FakeCheckRun, input: Record<string, unknown>): void {
  if (run.status === "completed" && input.status !== undefined && input.status !== "completed")
    ctx.violations.push(`check run ${run.id} moved back from completed`);
  if (typeof input.status === "string") run.status = input.status;
  if (typeof input.conclusion === "string") {
    run.conclusion = input.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed" && run.conclusion === undefined)
    ctx.violations.push(`check run ${run.id} completed without a conclusion`);
  const output = input.output as
    { title?: string; summary?: string; text?: string; annotations?: unknown[] } | undefined;
  if (output) {
    run.output = { title: output.title, summary: output.summary, text: output.text };
    run.annotations.push(...(output.annotations ?? []));
  }
}

function createReview(ctx: RestContext, repo: FakeRepo, pullNumber: number, input: Record<string, unknown>): Reply {
  const pull = repo.pulls.get(pullNumber);
  if (!pull) return { status: 404, body: { message: "Not Found" } };
  const comments = (input.comments ?? []) as {
    path: string;
    line?: number;
    start_line?: number;
    side?: string;
    position?: number;
    body: string;
  }[];
  if ((input.event === "COMMENT" || input.event === "REQUEST_CHANGES") && !input.body && comments.length === 0) {
    return { status: 422, body: { message: "Unprocessable Entity", errors: ["Body is required"] } };
  }
  for (const comment of comments) {
    const file = pull.files.find((candidate) => candidate.filename === comment.path);
    const lines = file ? diffLinesOf(file) : new Set<number>();
    const inDiff = comment.line !== undefined && comment.side !== "LEFT" && lines.has(comment.line);
    const startOk =
      comment.start_line === undefined || (comment.start_line < (comment.line ?? 0) && lines.has(comment.start_line));
    if (!inDiff || !startOk) {
      return {
        status: 422,
        body: {
          message: "Unprocessable Entity",
          errors: ["Line could not be resolved"],
          documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
        },
      };
    }
  }
  const review = {
    id: ctx.nextId(),
    pull: pull.number,
    body: String(input.body ?? ""),
    commitId: String(input.commit_id ?? pull.headSha),
    user: APP_BOT,
  };
  repo.reviews.push(review);
  for (const comment of comments) {
    const id = ctx.nextId();
    const threadId = `PRRT_${id}`;
    repo.reviewComments.push({
      id,
      pull: pull.number,
      reviewId: review.id,
      threadId,
      path: comment.path,
      line: comment.line!,
      ...(comment.start_line ? { startLine: comment.start_line } : {}),
      body: comment.body,
      user: APP_BOT,
    });
    repo.threads.push({ id: threadId, pull: pull.number, path: comment.path, resolved: false, commentIds: [id] });
  }
  return { status: 200, body: { id: review.id, body: review.body, state: "COMMENTED", commit_id: review.commitId } };
}
