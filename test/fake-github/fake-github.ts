/**
 * A local fake of the GitHub REST and GraphQL APIs on 127.0.0.1 (random port), served under a GitHub
 * Enterprise base URL (`/api/v3`, `/api/graphql`). It keeps state, records every call, checks each
 * request against GitHub's OpenAPI description (a request GitHub would reject fails the test through
 * `violations`), answers like GitHub (422 for a review comment off the diff), and can inject faults.
 */
import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerGraphql } from "./graphql-handler.js";
import { FakeOAuth, USER_TOKEN_OPERATIONS } from "./fake-oauth.js";
import { OpenApiValidator } from "./openapi-validator.js";
import { APP_OPERATIONS, DASHBOARD_OPERATIONS } from "../../scripts/trim-openapi.js";
import { answerRest, type Reply, type RestContext } from "./rest-routes.js";
import {
  DEFAULT_AUTHOR,
  pullFilesBetween,
  shaOf,
  type FakeAuthor,
  type FakePull,
  type FakeRepo,
  type FakeUser,
} from "./fake-state.js";
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
  /** How many matching requests fail (default 1; `Infinity` for a persistent fault). */
  times?: number;
  /**
   * Apply the request first, then answer with the fault: GitHub sometimes answers 502 (or drops the
   * connection) after it applied a write. Only the status is sent; the state has already changed.
   */
  afterApply?: boolean;
  /** Drop the connection instead of answering (a reset), after applying the request when `afterApply` is set. */
  reset?: boolean;
  /** Fail only requests whose JSON body matches, e.g. the check-run update that completes the run. */
  match?: (body: unknown) => boolean;
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
  /** The OAuth web flow and the signed-in user's API (the dashboard's sign-in). */
  readonly oauth = new FakeOAuth((status, message) => this.#violation(status, message));
  #nextId = 1000;
  url = "";

  private constructor(
    readonly appId: number,
    readonly publicKey: KeyObject,
  ) {
    validator ??= new OpenApiValidator(undefined, [...APP_OPERATIONS, ...DASHBOARD_OPERATIONS]);
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
    const repo: FakeRepo = {
      owner,
      name,
      defaultBranchSha: sha,
      commits: new Map([[sha, contents]]),
      pulls: new Map(),
      reviews: [],
      reviewComments: [],
      threads: [],
      issueComments: [],
      checkRuns: [],
    };
    this.repos.set(`${owner}/${name}`, repo);
    return repo;
  }

  repo(owner: string, name: string): FakeRepo {
    const repo = this.repos.get(`${owner}/${name}`);
    if (!repo) throw new Error(`fake GitHub has no repository ${owner}/${name}`);
    return repo;
  }

  /**
   * Opens (or pushes to) pull request `number`: its head is the base files with `changes` applied (null deletes).
   * Its author is `options.author`, else the earlier push's, else DEFAULT_AUTHOR.
   */
  push(
    owner: string,
    name: string,
    number: number,
    changes: Record<string, string | null>,
    options: { draft?: boolean; author?: FakeAuthor } = {},
  ): FakePull {
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
    const author = options.author ?? previous?.author ?? DEFAULT_AUTHOR;
    const pull: FakePull = {
      number,
      author,
      headSha,
      baseSha: repo.defaultBranchSha,
      headRef: `feature-${number}`,
      draft: options.draft ?? previous?.draft ?? false,
      files: pullFilesBetween(base, head),
    };
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

  /** Removes every fault still waiting to fire (a persistent one included). */
  clearFaults(): void {
    this.#faults.length = 0;
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
      if (url.pathname === "/login/oauth/authorize" || url.pathname === "/login/oauth/access_token") {
        write = false;
        reply =
          method === "GET" && url.pathname === "/login/oauth/authorize"
            ? this.oauth.authorize(url.searchParams)
            : method === "POST" && url.pathname === "/login/oauth/access_token"
              ? this.oauth.accessToken(request.headers["content-type"], text)
              : this.#violation(405, `${method} ${url.pathname} is not how GitHub's OAuth flow is called`);
      } else if (
        ((body = text === "" ? undefined : JSON.parse(text)), method === "POST" && url.pathname === "/api/graphql")
      ) {
        const isMutation =
          typeof (body as { query?: unknown })?.query === "string" &&
          /^\s*mutation/.test((body as { query: string }).query);
        route = isMutation ? "POST /graphql (mutation)" : "POST /graphql";
        write = isMutation;
        await this.#waitIfHeld(route);
        reply = this.#authorize(request, false) ?? this.#fault(route, body) ?? this.#graphql(body);
      } else if (!url.pathname.startsWith("/api/v3/")) {
        reply = this.#violation(404, `request outside the GitHub Enterprise API base: ${method} ${url.pathname}`);
      } else {
        const matched = validator!.match(method, url.pathname.slice("/api/v3".length));
        if (typeof matched === "string") reply = this.#violation(404, matched);
        else {
          route = matched.route;
          await this.#waitIfHeld(route);
          const problems = validator!.check(matched, url.searchParams, body);
          if (problems.length > 0) reply = this.#violation(422, problems.join("; "));
          else {
            const isTokenRoute = matched.operationId === "apps/create-installation-access-token";
            write = method !== "GET" && !isTokenRoute;
            const user = USER_TOKEN_OPERATIONS.has(matched.operationId)
              ? this.oauth.userOf(request.headers.authorization)
              : undefined;
            const denied = user ? undefined : this.#authorize(request, isTokenRoute);
            const fault = denied ? undefined : this.#takeFault(route, body);
            if (denied) reply = denied;
            else if (fault && !fault.afterApply) reply = this.#faultReply(fault);
            else {
              reply = user
                ? this.oauth.answer(matched.operationId, user, matched.pathParams)
                : answerRest(this.#restContext(), matched, url.searchParams, body, request);
              if (fault) reply = this.#faultReply(fault);
            }
            if (fault?.reset) {
              this.calls.push({
                method,
                route,
                path: url.pathname + url.search,
                status: 0,
                ...(body === undefined ? {} : { body }),
                write,
              });
              request.socket.destroy();
              return;
            }
          }
        }
      }
    } catch (error) {
      reply = this.#violation(500, `fake GitHub failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
    this.calls.push({
      method,
      route,
      path: url.pathname + url.search,
      status: reply.status,
      ...(body === undefined ? {} : { body }),
      write,
    });
    const isText = typeof reply.body === "string";
    response.writeHead(reply.status, {
      "content-type": isText ? "text/plain; charset=utf-8" : "application/json; charset=utf-8",
      ...reply.headers,
    });
    response.end(reply.body === undefined ? "" : isText ? (reply.body as string) : JSON.stringify(reply.body));
  }

  #restContext(): RestContext {
    return {
      repos: this.repos,
      baseUrl: this.baseUrl,
      nextId: () => this.#id(),
      issueToken: (token) => this.#tokens.add(token),
      violation: (status, message) => this.#violation(status, message),
      violations: this.violations,
    };
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
      const problem = /^bearer /i.test(header)
        ? verifyAppJwt(header.slice(7), this.publicKey, this.appId)
        : "expected an app JWT (Authorization: bearer …)";
      return problem ? this.#violation(401, problem) : undefined;
    }
    const token = header.replace(/^(token|bearer) /i, "");
    return this.#tokens.has(token)
      ? undefined
      : this.#violation(401, "Bad credentials: not an installation token the fake issued");
  }

  #fault(route: string, body?: unknown): Reply | undefined {
    const fault = this.#takeFault(route, body);
    return fault ? this.#faultReply(fault) : undefined;
  }

  #takeFault(route: string, body: unknown): Fault | undefined {
    const fault = this.#faults.find(
      (candidate) => candidate.route === route && candidate.left > 0 && (candidate.match?.(body) ?? true),
    );
    if (fault) fault.left -= 1;
    return fault;
  }

  #faultReply(fault: Fault): Reply {
    return {
      status: fault.status,
      headers: fault.headers ?? {},
      body: { message: fault.message ?? `fault injected: ${fault.status}` },
    };
  }

  #graphql(body: unknown): Reply {
    const answer = answerGraphql(this.repos, body as { query?: unknown; variables?: unknown });
    this.violations.push(...answer.problems);
    return { status: answer.status, body: answer.body };
  }
}
