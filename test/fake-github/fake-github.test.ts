import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  APP_OPERATIONS,
  DASHBOARD_OPERATIONS,
  OCTOKIT_OPENAPI_VERSION,
  SCAFFOLD_OPERATIONS,
  trimOpenApi,
  USED_OPERATIONS,
} from "../../scripts/trim-openapi.js";
import { OPERATION_IDS } from "../scaffold/helpers/github-openapi.js";
import { answerGraphql } from "./graphql-handler.js";
import { FakeGitHub } from "./fake-github.js";
import { makePatch } from "./make-patch.js";
import { OpenApiValidator } from "./openapi-validator.js";

const validator = new OpenApiValidator();

function check(method: string, path: string, body?: unknown, query = "") {
  const matched = validator.match(method, path);
  if (typeof matched === "string") return [matched];
  return validator.check(matched, new URLSearchParams(query), body);
}

describe("OpenAPI validation of requests", () => {
  it("accepts what GitHub accepts", () => {
    expect(
      check("POST", "/repos/o/r/check-runs", {
        name: "Apprentice review",
        head_sha: "abc",
        status: "in_progress",
        output: { title: "t", summary: "s" },
      }),
    ).toEqual([]);
    expect(check("GET", "/repos/o/r/pulls/3/files", undefined, "per_page=100&page=2")).toEqual([]);
    expect(check("GET", "/repos/o/r/contents/.github/apprentice.yml", undefined, "ref=main")).toEqual([]);
  });

  it("rejects unknown fields, wrong types, missing required fields, bad enums and unknown operations", () => {
    expect(check("POST", "/repos/o/r/check-runs", { name: "x", head_sha: "abc", colour: "red" }).join()).toMatch(
      /additional properties/,
    );
    expect(
      check("POST", "/repos/o/r/pulls/3/reviews", {
        event: "COMMENT",
        body: "b",
        comments: [{ path: "a", line: "7", body: "c" }],
      }).join(),
    ).toMatch(/line must be integer/);
    expect(check("POST", "/repos/o/r/check-runs", { head_sha: "abc" }).join()).toMatch(/required property 'name'/);
    expect(check("PATCH", "/repos/o/r/check-runs/5", { conclusion: "great" }).join()).toMatch(/allowed values/);
    expect(
      check("POST", "/repos/o/r/check-runs", {
        name: "x",
        head_sha: "a",
        output: {
          title: "t",
          summary: "s",
          annotations: Array.from({ length: 51 }, () => ({
            path: "a",
            start_line: 1,
            end_line: 1,
            annotation_level: "notice",
            message: "m",
          })),
        },
      }).join(),
    ).toMatch(/more than 50 items/);
    expect(check("GET", "/repos/o/r/pulls/x")[0]).toMatch(/pull_number: expected integer/);
    expect(check("GET", "/repos/o/r/pulls/3/files", undefined, "limit=5").join()).toMatch(/query parameter "limit"/);
    expect(check("DELETE", "/repos/o/r/issues/comments/1")[0]).toMatch(/no GitHub REST operation/);
  });
});

describe("the fake GitHub server", () => {
  let fake: FakeGitHub | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("records a request GitHub would reject as a violation, and refuses unauthenticated calls", async () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    fake = await FakeGitHub.start(1, publicKey);
    fake.addRepo("o", "r", { "a.js": "x\n" });
    const bad = await fetch(`${fake.baseUrl}/repos/o/r/check-runs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: 1 }),
    });
    expect(bad.status).toBe(422);
    const anonymous = await fetch(`${fake.baseUrl}/repos/o/r/pulls/1`);
    expect(anonymous.status).toBe(401);
    expect(fake.violations).toHaveLength(2);
    expect(fake.calls.map((call) => call.status)).toEqual([422, 401]);
  });

  it("answers blob batches, threads and resolve mutations over GraphQL, and flags unknown variables", () => {
    const repos = new Map();
    const files = new Map([["src/a.js", "const a = 1;\n"]]);
    repos.set("o/r", {
      owner: "o",
      name: "r",
      defaultBranchSha: "s1",
      commits: new Map([["s1", files]]),
      pulls: new Map(),
      reviews: [],
      reviewComments: [],
      threads: [{ id: "T1", pull: 1, path: "src/a.js", resolved: false, commentIds: [] }],
      issueComments: [],
      checkRuns: [],
    });
    const blobs = answerGraphql(repos, {
      query:
        "query($owner: String!, $name: String!, $e0: String!, $e1: String!) { repository(owner: $owner, name: $name) { f0: object(expression: $e0) { ... on Blob { text isBinary byteSize } } f1: object(expression: $e1) { ... on Blob { text isBinary byteSize } } } }",
      variables: { owner: "o", name: "r", e0: "s1:src/a.js", e1: "s1:missing.js" },
    });
    expect(blobs.body).toEqual({
      data: { repository: { f0: { text: "const a = 1;\n", isBinary: false, byteSize: 13 }, f1: null } },
    });
    const resolved = answerGraphql(repos, {
      query: "mutation($t0: ID!) { r0: resolveReviewThread(input: { threadId: $t0 }) { thread { id isResolved } } }",
      variables: { t0: "T1" },
    });
    expect(resolved.body).toEqual({ data: { r0: { thread: { id: "T1", isResolved: true } } } });
    expect(
      answerGraphql(repos, {
        query: "query($owner: String!) { viewer { login } }",
        variables: { owner: "o", extra: 1 },
      }).problems.join(),
    ).toMatch(/\$extra is given but not declared/);
  });
});

describe("makePatch", () => {
  it("writes one hunk with context, like GitHub's patch field", () => {
    expect(makePatch("a\nb\nc\nd\n", "a\nb\nX\nd\n")).toEqual({
      patch: "@@ -1,4 +1,4 @@\n a\n b\n-c\n+X\n d",
      additions: 1,
      deletions: 1,
    });
    expect(makePatch(undefined, "x\ny\n")).toEqual({ patch: "@@ -0,0 +1,2 @@\n+x\n+y", additions: 2, deletions: 0 });
  });
});

type Doc = {
  info: Record<string, unknown>;
  paths: Record<
    string,
    Record<string, { operationId?: string; requestBody?: { content?: Record<string, { schema?: unknown }> } }>
  >;
};

function refsIn(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) refsIn(item, found);
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

function atPointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .reduce<unknown>((current, raw) => {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      return current !== null && typeof current === "object" && Object.hasOwn(current, key)
        ? (current as Record<string, unknown>)[key]
        : undefined;
    }, doc);
}

describe("the committed trimmed OpenAPI description (test/fake-github/openapi-trimmed.json)", () => {
  const committed = JSON.parse(readFileSync(new URL("./openapi-trimmed.json", import.meta.url), "utf8")) as Doc;
  const present = Object.entries(committed.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path}`),
  );

  it("holds exactly the script's operations (both fakes'), each non-GET one with its JSON request body schema", () => {
    expect(present.sort()).toEqual(USED_OPERATIONS.map(([method, path]) => `${method} ${path}`).sort());
    const all = new Set(
      [...APP_OPERATIONS, ...SCAFFOLD_OPERATIONS, ...DASHBOARD_OPERATIONS].map((operation) => operation.join(" ")),
    );
    expect(USED_OPERATIONS.map((operation) => operation.join(" ")).sort()).toEqual([...all].sort());
    for (const [method, path] of USED_OPERATIONS) {
      const operation = committed.paths[path]?.[method];
      expect(operation?.operationId, `${method} ${path}`).toEqual(expect.any(String));
      if (method !== "get")
        expect(
          operation?.requestBody?.content?.["application/json"]?.schema,
          `${method} ${path} body schema`,
        ).toBeTypeOf("object");
    }
    expect(committed.info["x-octokit-openapi-version"]).toBe(OCTOKIT_OPENAPI_VERSION);
  });

  it("covers exactly the operations the scaffolder's fake answers", () => {
    const scaffoldIds = SCAFFOLD_OPERATIONS.map(([method, path]) => committed.paths[path]?.[method]?.operationId);
    expect(scaffoldIds.sort()).toEqual([...OPERATION_IDS].sort());
  });

  it("resolves every $ref inside the file", () => {
    const refs = [...new Set(refsIn(committed))];
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((ref) => atPointer(committed, ref) === undefined)).toEqual([]);
  });
});

describe("trimOpenApi", () => {
  const full = {
    openapi: "3.0.3",
    info: { title: "t", version: "1" },
    paths: {
      "/a/{id}": {
        get: {
          operationId: "a/get",
          parameters: [{ $ref: "#/components/parameters/id" }],
          responses: { "200": { $ref: "#/components/responses/ok" } },
        },
        delete: { operationId: "a/delete", responses: { "204": { $ref: "#/components/responses/gone" } } },
      },
      "/b": {
        post: {
          operationId: "b/create",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/b~1input" } } } },
        },
      },
      "/unused": { get: { operationId: "unused", responses: { "200": { $ref: "#/components/responses/unused" } } } },
    },
    components: {
      parameters: { id: { name: "id", in: "path", required: true, schema: { type: "integer" } } },
      responses: {
        ok: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/thing" } } } },
        gone: { description: "gone" },
        unused: { description: "unused" },
      },
      schemas: {
        thing: { type: "object", properties: { child: { $ref: "#/components/schemas/child" } } },
        child: { type: "string" },
        "b/input": { type: "object", properties: { name: { type: "string" } } },
        orphan: { type: "number" },
      },
    },
  };

  it("keeps the listed operations and the transitive closure of their $refs, and records the package version", () => {
    const trimmed = trimOpenApi(
      full,
      [
        ["get", "/a/{id}"],
        ["post", "/b"],
      ],
      "9.9.9",
    ) as typeof full;
    expect(Object.keys(trimmed.paths)).toEqual(["/a/{id}", "/b"]);
    expect(Object.keys(trimmed.paths["/a/{id}"])).toEqual(["get"]);
    expect(trimmed.info).toEqual({ title: "t", version: "1", "x-octokit-openapi-version": "9.9.9" });
    expect(trimmed.components).toEqual({
      parameters: { id: full.components.parameters.id },
      responses: { ok: full.components.responses.ok },
      schemas: {
        thing: full.components.schemas.thing,
        child: full.components.schemas.child,
        "b/input": full.components.schemas["b/input"],
      },
    });
  });

  it("fails loudly on an operation the description does not have, or a dangling $ref", () => {
    expect(() => trimOpenApi(full, [["put", "/b"]])).toThrow(/no PUT \/b/);
    const dangling = {
      ...full,
      paths: { "/c": { get: { responses: { "200": { $ref: "#/components/responses/missing" } } } } },
    };
    expect(() => trimOpenApi(dangling, [["get", "/c"]])).toThrow(/no #\/components\/responses\/missing/);
  });
});
