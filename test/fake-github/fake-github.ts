/**
 * A local fake of the GitHub REST and GraphQL APIs on 127.0.0.1 (random port), served under a GitHub
 * Enterprise base URL (`/api/v3`, `/api/graphql`). It keeps state, records every call, checks each
 * request against GitHub's OpenAPI description (a request GitHub would reject fails the test through
 * `violations`), answers like GitHub (422 for a review comment off the diff), and can inject faults.
 */
import { randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerGraphql } from "./graphql-handler.js";
import { OpenApiValidator, type MatchedOperation } from "./openapi-validator.js";
import { APP_BOT, diffLinesOf, pullFilesBetween, shaOf, type FakeCheckRun, type FakePull, type FakeRepo, type FakeUser } from "./fake-state.js";
import { verifyAppJwt } from "./verify-app-jwt.js";

export interface RecordedCall {
  method: string;
  /** "POST /repos/{owner}/{repo}/check-runs", or "POST /graphql" / "POST /graphql (mutation)". */
  route: string;
  path: string;
  status: number;
  body?: unknown;
  write: boolean;
}

export interface Fault {
  /** The route as recorded, e.g. "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews" or "POST /graphql". */
  route: string;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

let validator: OpenApiValidator | undefined;

export class FakeGitHub {
  readonly calls: RecordedCall[] = [];
  readonly violations: string[] = [];
  readonly repos = new Map<string, FakeRepo>();
  readonly #faults: (Fault & { left: number })[] = [];
  readonly #tokens = new Set<string>();
  readonly #holds: { route: string; reached: () => void; released: Promise<void> }[] = [];
  readonly #server: Server;
  #nextId = 1000;
  url = "";

  private constructor(
    readonly appId: number,
    readonly publicKey: KeyObject,
  ) {
    validator ??= new OpenApiValidator();
    this.#server = createServer((request, response) => {
      void this.#handle(request, response);
    });
  }

  static async start(appId: number, publicKey: KeyObject): Promise<FakeGitHub> {
    const fake = new FakeGitHub(appId, publicKey);
    await new Promise<void>((resolve) => fake.#server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  /** `GHE_HOST` for Probot: `<host>:<port>`, used with `GHE_PROTOCOL=http`. */
  get host(): string {
    return this.url.replace(/^http:\/\//, "");
  }

  get baseUrl(): string {
    return `${this.url}/api/v3`;
  }

  /** Every installation token handed out (tests check none of them reaches a log). */
  get issuedTokens(): string[] {
    return [...this.#tokens];
  }

  close(): Promise<void> {
    this.#server.closeAllConnections();
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  addRepo(owner: string, name: string, files: Record<string, string>): FakeRepo {
    const contents = new Map(Object.entries(files));
    const sha = shaOf(contents, `${owner}/${name}`);
    const repo: FakeRepo = { owner, name, defaultBranchSha: sha, commits: new Map([[sha, contents]]), pulls: new Map(), reviews: [], reviewComments: [], threads: [], issueComments: [], checkRuns: [] };
    this.repos.set(`${owner}/${name}`, repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo {
    const repo = this.repos.get(`${owner}/${name}`);
    if (!repo) throw new Error(`fake GitHub has no repository ${owner}/${name}`);
    return repo;
  }

  /** Opens (or pushes to) pull request `number`: its head is the base files with `changes` applied (null deletes). */
  push(owner: string, name: string, number: number, changes: Record<string, string | null>, options: { draft?: boolean } = {}): FakePull {
    const repo = this.repo(owner, name);
    const base = repo.commits.get(repo.defaultBranchSha)!;
    const previous = repo.pulls.get(number);
    const head = new Map(previous ? repo.commits.get(previous.headSha)! : base);
    for (const [path, content] of Object.entries(changes)) {
      if (content === null) head.delete(path);
      else head.set(path, content);
    }
    const headSha = shaOf(head, `${owner}/${name}#${number}/${previous?.headSha ?? ""}`);
    repo.commits.set(headSha, head);
    const pull: FakePull = { number, headSha, baseSha: repo.defaultBranchSha, headRef: `feature-${number}`, draft: options.draft ?? previous?.draft ?? false, files: pullFilesBetween(base, head) };
    repo.pulls.set(number, pull);
    return pull;
  }

  /** A person replies in a review thread. */
  reply(owner: string, name: string, threadId: string, user: FakeUser, body: string): void {
    const repo = this.repo(owner, name);
    const thread = repo.threads.find((candidate) => candidate.id === threadId)!;
    const first = repo.reviewComments.find((comment) => comment.id === thread.commentIds[0])!;
    const id = this.#id();
    repo.reviewComments.push({ ...first, id, body, user });
    thread.commentIds.push(id);
  }

  fail(fault: Fault): void {
    this.#faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Holds the next request to `route` until `release()`; `reached` resolves when it arrives. */
  hold(route: string): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#holds.push({ route, reached, released });
    return { reached: reachedPromise, release };
  }

  resetCalls(): void {
    this.calls.length = 0;
  }

  #id(): number {
    this.#nextId += 1;
    return this.#nextId;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(request.url ?? "/", this.url);
    const method = request.method ?? "GET";
    let body: unknown;
    let reply: Reply;
    let route = `${method} ${url.pathname}`;
    let write = method !== "GET";
    try {
      body = text === "" ? undefined : JSON.parse(text);
      if (method === "POST" && url.pathname === "/api/graphql") {
        const isMutation = typeof (body as { query?: unknown })?.query === "string" && /^\s*mutation/.test((body as { query: string }).query);
        route = isMutation ? "POST /graphql (mutation)" : "POST /graphql";
        write = isMutation;
        await this.#waitIfHeld(route);
        reply = this.#authorize(request, false) ?? this.#fault(route) ?? this.#graphql(body);
      } else if (!url.pathname.startsWith("/api/v3/")) {
        reply = this.#violation(404, `request outside the GitHub Enterprise API base: ${method} ${url.pathname}`);
      } else {
        const matched = validator!.match(method, url.pathname.slice("/api/v3".length));
        if (typeof matched === "string") reply = this.#violation(404, matched);
        else {
          route = matched.route;
          const problems = validator!.check(matched, url.searchParams, body);
          if (problems.length > 0) reply = this.#violation(422, problems.join("; "));
          else {
            const isTokenRoute = matched.operationId === "apps/create-installation-access-token";
            write = method !== "GET" && !isTokenRoute;
            reply = this.#authorize(request, isTokenRoute) ?? this.#fault(route) ?? this.#rest(matched, url.searchParams, body, request);
          }
        }
      }
    } catch (error) {
      reply = this.#violation(500, `fake GitHub failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    this.calls.push({ method, route, path: url.pathname + url.search, status: reply.status, ...(body === undefined ? {} : { body }), write });
    const isText = typeof reply.body === "string";
    response.writeHead(reply.status, { "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", ...reply.headers });
    response.end(reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body));
  }

  async #waitIfHeld(route: string): Promise<void> {
    const index = this.#holds.findIndex((hold) => hold.route === route);
    if (index < 0) return;
    const [hold] = this.#holds.splice(index, 1);
    hold!.reached();
    await hold!.released;
  }

  #violation(status: number, message: string): Reply {
    this.violations.push(message);
    return { status, body: { message, documentation_url: "https://docs.github.com/rest" } };
  }

  #authorize(request: IncomingMessage, appJwt: boolean): Reply | undefined {
    const header = request.headers.authorization ?? "";
    if (appJwt) {
      const problem = /^bearer /i.test(header) ? verifyAppJwt(header.slice(7), this.publicKey, this.appId) : "expected an app JWT (Authorization: bearer …)";
      return problem ? this.#violation(401, problem) : undefined;
    }
    const token = header.replace(/^(token|bearer) /i, "");
    return this.#tokens.has(token) ? undefined : this.#violation(401, "Bad credentials: not an installation token the fake issued");
  }

  #fault(route: string): Reply | undefined {
    const fault = this.#faults.find((candidate) => candidate.route === route && candidate.left > 0);
    if (!fault) return undefined;
    fault.left -= 1;
    return { status: fault.status, headers: fault.headers ?? {}, body: { message: fault.message ?? `fault injected: ${fault.status}` } };
  }

  #graphql(body: unknown): Reply {
    const answer = answerGraphql(this.repos, body as { query?: unknown; variables?: unknown });
    this.violations.push(...answer.problems);
    return { status: answer.status, body: answer.body };
  }

  #rest(matched: MatchedOperation, query: URLSearchParams, body: unknown, request: IncomingMessage): Reply {
    const params = matched.pathParams;
    const input = (body ?? {}) as Record<string, unknown>;
    if (matched.operationId === "apps/create-installation-access-token") {
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      this.#tokens.add(token);
      return { status: 201, body: { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: "all" } };
    }
    const repo = this.repos.get(`${params.owner}/${params.repo}`);
    if (!repo) return { status: 404, body: { message: "Not Found" } };
    const pullNumber = Number(params.pull_number ?? params.issue_number);
    switch (matched.operationId) {
      case "repos/get-content": {
        const sha = query.get("ref") ?? repo.defaultBranchSha;
        const content = repo.commits.get(sha)?.get(params.path ?? "");
        if (content === undefined) return { status: 404, body: { message: "Not Found" } };
        if (String(request.headers.accept).includes("raw")) return { status: 200, body: content };
        return { status: 200, body: { type: "file", encoding: "base64", path: params.path, content: Buffer.from(content).toString("base64"), size: content.length } };
      }
      case "pulls/get": {
        const pull = repo.pulls.get(pullNumber);
        if (!pull) return { status: 404, body: { message: "Not Found" } };
        return { status: 200, body: { number: pull.number, state: "open", draft: pull.draft, changed_files: pull.files.length, head: { sha: pull.headSha, ref: pull.headRef }, base: { sha: pull.baseSha, ref: "main" } } };
      }
      case "pulls/list-files": {
        const pull = repo.pulls.get(pullNumber);
        if (!pull) return { status: 404, body: { message: "Not Found" } };
        const perPage = Math.min(Number(query.get("per_page") ?? 30), 100);
        const page = Number(query.get("page") ?? 1);
        const listed = pull.files.slice(0, 3000);
        const items = listed.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < listed.length) headers.link = `<${this.baseUrl}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}/files?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        return { status: 200, headers, body: items.map((file) => ({ sha: "0".repeat(40), blob_url: "", raw_url: "", contents_url: "", ...file })) };
      }
      case "git/get-tree": {
        const files = repo.commits.get(params.tree_sha ?? "");
        if (!files) return { status: 404, body: { message: "Not Found" } };
        return { status: 200, body: { sha: params.tree_sha, url: "", truncated: false, tree: [...files].map(([path, content]) => ({ path, mode: "100644", type: "blob", sha: "0".repeat(40), size: Buffer.byteLength(content), url: "" })) } };
      }
      case "checks/create": {
        const run: FakeCheckRun = { id: this.#id(), name: String(input.name), headSha: String(input.head_sha), status: String(input.conclusion ? "completed" : (input.status ?? "queued")), annotations: [] as unknown[] };
        this.#applyCheckRun(run, input);
        repo.checkRuns.push(run);
        return { status: 201, body: { id: run.id, head_sha: run.headSha, name: run.name, status: run.status, conclusion: run.conclusion ?? null } };
      }
      case "checks/update": {
        const run = repo.checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
        if (!run) return { status: 404, body: { message: "Not Found" } };
        this.#applyCheckRun(run, input);
        return { status: 200, body: { id: run.id, head_sha: run.headSha, name: run.name, status: run.status, conclusion: run.conclusion ?? null } };
      }
      case "pulls/create-review":
        return this.#createReview(repo, pullNumber, input);
      case "issues/create-comment": {
        const comment = { id: this.#id(), issue: pullNumber, body: String(input.body), user: APP_BOT };
        repo.issueComments.push(comment);
        return { status: 201, body: { id: comment.id, body: comment.body, user: { login: APP_BOT.login, type: APP_BOT.type } } };
      }
      case "issues/update-comment": {
        const comment = repo.issueComments.find((candidate) => candidate.id === Number(params.comment_id));
        if (!comment) return { status: 404, body: { message: "Not Found" } };
        if (comment.user.login !== APP_BOT.login) return this.#violation(403, "the App tried to edit a comment it did not write");
        comment.body = String(input.body);
        return { status: 200, body: { id: comment.id, body: comment.body } };
      }
      default:
        return this.#violation(501, `fake GitHub does not implement ${matched.route}`);
    }
  }

  #applyCheckRun(run: FakeCheckRun, input: Record<string, unknown>): void {
    if (run.status === "completed" && input.status !== undefined && input.status !== "completed") this.violations.push(`check run ${run.id} moved back from completed`);
    if (typeof input.status === "string") run.status = input.status;
    if (typeof input.conclusion === "string") {
      run.conclusion = input.conclusion;
      run.status = "completed";
    }
    if (run.status === "completed" && run.conclusion === undefined) this.violations.push(`check run ${run.id} completed without a conclusion`);
    const output = input.output as { title?: string; summary?: string; text?: string; annotations?: unknown[] } | undefined;
    if (output) {
      run.output = { title: output.title, summary: output.summary, text: output.text };
      run.annotations.push(...(output.annotations ?? []));
    }
  }

  #createReview(repo: FakeRepo, pullNumber: number, input: Record<string, unknown>): Reply {
    const pull = repo.pulls.get(pullNumber);
    if (!pull) return { status: 404, body: { message: "Not Found" } };
    const comments = (input.comments ?? []) as { path: string; line?: number; start_line?: number; side?: string; position?: number; body: string }[];
    if ((input.event === "COMMENT" || input.event === "REQUEST_CHANGES") && !input.body && comments.length === 0) {
      return { status: 422, body: { message: "Unprocessable Entity", errors: ["Body is required"] } };
    }
    for (const comment of comments) {
      const file = pull.files.find((candidate) => candidate.filename === comment.path);
      const lines = file ? diffLinesOf(file) : new Set<number>();
      const inDiff = comment.line !== undefined && comment.side !== "LEFT" && lines.has(comment.line);
      const startOk = comment.start_line === undefined || (comment.start_line < (comment.line ?? 0) && lines.has(comment.start_line));
      if (!inDiff || !startOk) {
        return { status: 422, body: { message: "Unprocessable Entity", errors: ["Line could not be resolved"], documentation_url: "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request" } };
      }
    }
    const review = { id: this.#id(), pull: pull.number, body: String(input.body ?? ""), commitId: String(input.commit_id ?? pull.headSha), user: APP_BOT };
    repo.reviews.push(review);
    for (const comment of comments) {
      const id = this.#id();
      const threadId = `PRRT_${id}`;
      repo.reviewComments.push({ id, pull: pull.number, reviewId: review.id, threadId, path: comment.path, line: comment.line!, ...(comment.start_line ? { startLine: comment.start_line } : {}), body: comment.body, user: APP_BOT });
      repo.threads.push({ id: threadId, pull: pull.number, path: comment.path, resolved: false, commentIds: [id] });
    }
    return { status: 200, body: { id: review.id, body: review.body, state: "COMMENTED", commit_id: review.commitId } };
  }
}
