/**
 * A minimal local fake of the GitHub REST API, on loopback, for the scaffolder's --github tests. Every
 * request is checked against GitHub's OpenAPI description (see github-openapi.ts): a request GitHub would
 * reject is answered 422 and recorded in `violations`, which tests assert is empty. Repositories are bare
 * git repositories in a temporary folder; `clone_url` is their file:// URL, so `git push` works offline.
 */
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { githubOperations, type OperationId } from "./github-openapi.js";

export interface RecordedRequest {
  operationId: OperationId | "unknown";
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
}

export interface FakeRepository {
  fullName: string;
  bareDir: string;
  issues: FakeIssue[];
  labels: Set<string>;
}

export interface FakeGithubOptions {
  token: string;
  login: string;
  orgs: string[];
  /** Folder for the bare repositories. */
  gitDir: string;
}

export interface FakeGithub {
  url: string;
  requests: RecordedRequest[];
  violations: string[];
  repositories: Map<string, FakeRepository>;
  close(): Promise<void>;
}

type Reply = { status: number; body: unknown };

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : (JSON.parse(text) as unknown);
}

export async function startFakeGithub(options: FakeGithubOptions): Promise<FakeGithub> {
  const operations = githubOperations();
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const repositories = new Map<string, FakeRepository>();

  const repoJson = (repository: FakeRepository, owner: string): unknown => ({
    id: repositories.size,
    name: repository.fullName.split("/")[1],
    full_name: repository.fullName,
    owner: { login: owner },
    private: false,
    html_url: `https://github.example/${repository.fullName}`,
    clone_url: pathToFileURL(repository.bareDir).href,
  });

  const createRepository = (owner: string, body: { name: string }): Reply => {
    const fullName = `${owner}/${body.name}`;
    const existing = repositories.get(fullName.toLowerCase());
    if (existing) {
      return {
        status: 422,
        body: {
          message: "Repository creation failed.",
          errors: [
            { resource: "Repository", code: "custom", field: "name", message: "name already exists on this account" },
          ],
        },
      };
    }
    const bareDir = join(options.gitDir, `${owner}-${body.name}.git`);
    execFileSync("git", ["init", "--bare", "--quiet", "--initial-branch=main", bareDir]);
    const repository: FakeRepository = { fullName, bareDir, issues: [], labels: new Set() };
    repositories.set(fullName.toLowerCase(), repository);
    return { status: 201, body: repoJson(repository, owner) };
  };

  const handle = (id: OperationId, params: Record<string, string>, body: unknown): Reply => {
    const repository =
      params.owner && params.repo ? repositories.get(`${params.owner}/${params.repo}`.toLowerCase()) : undefined;
    switch (id) {
      case "users/get-authenticated":
        return { status: 200, body: { login: options.login, id: 1, type: "User" } };
      case "repos/create-for-authenticated-user":
        return createRepository(options.login, body as { name: string });
      case "repos/create-in-org":
        if (!options.orgs.includes(params.org ?? "")) return { status: 404, body: { message: "Not Found" } };
        return createRepository(params.org ?? "", body as { name: string });
      case "repos/get":
        return repository
          ? { status: 200, body: repoJson(repository, params.owner ?? "") }
          : { status: 404, body: { message: "Not Found" } };
      case "issues/list-for-repo":
        if (!repository) return { status: 404, body: { message: "Not Found" } };
        return {
          status: 200,
          body: repository.issues.map((issue) => ({
            ...issue,
            labels: issue.labels.map((name) => ({ name })),
            state: "open",
          })),
        };
      case "issues/create-label": {
        if (!repository) return { status: 404, body: { message: "Not Found" } };
        const { name } = body as { name: string };
        if (repository.labels.has(name))
          return {
            status: 422,
            body: {
              message: "Validation Failed",
              errors: [{ resource: "Label", code: "already_exists", field: "name" }],
            },
          };
        repository.labels.add(name);
        return { status: 201, body: { name } };
      }
      case "issues/create": {
        if (!repository) return { status: 404, body: { message: "Not Found" } };
        const input = body as { title: string; body?: string; labels?: string[] };
        const issue: FakeIssue = {
          number: repository.issues.length + 1,
          title: input.title,
          body: input.body ?? "",
          labels: input.labels ?? [],
        };
        repository.issues.push(issue);
        return { status: 201, body: { ...issue, labels: issue.labels.map((name) => ({ name })) } };
      }
    }
  };

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const body = await readJson(request).catch(() => "(invalid JSON)");
      const method = request.method ?? "GET";
      const found = operations
        .map((operation) => ({
          operation,
          params: operation.method === method ? operation.match(url.pathname) : undefined,
        }))
        .find((entry) => entry.params);
      const recorded: RecordedRequest = {
        operationId: found?.operation.id ?? "unknown",
        method,
        path: url.pathname,
        authorization: request.headers.authorization,
        body,
      };
      requests.push(recorded);
      let reply: Reply;
      if (!found?.params) {
        violations.push(`unexpected request ${method} ${url.pathname}`);
        reply = { status: 404, body: { message: "Not Found" } };
      } else if (
        request.headers.authorization !== `token ${options.token}` &&
        request.headers.authorization !== `Bearer ${options.token}`
      ) {
        reply = {
          status: 401,
          body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
        };
      } else {
        const problems = found.operation.check(found.params, url.searchParams, body);
        if (problems.length > 0) {
          violations.push(`${found.operation.id}: ${problems.join("; ")}`);
          reply = { status: 422, body: { message: "Invalid request.", errors: problems } };
        } else reply = handle(found.operation.id, found.params, body);
      }
      response.writeHead(reply.status, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify(reply.body));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    violations,
    repositories,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
