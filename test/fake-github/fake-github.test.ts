import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { trimOpenApi, USED_OPERATIONS } from "../../scripts/trim-openapi.js";
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
    expect(check("POST", "/repos/o/r/check-runs", { name: "Apprentice review", head_sha: "abc", status: "in_progress", output: { title: "t", summary: "s" } })).toEqual([]);
    expect(check("GET", "/repos/o/r/pulls/3/files", undefined, "per_page=100&page=2")).toEqual([]);
    expect(check("GET", "/repos/o/r/contents/.github/apprentice.yml", undefined, "ref=main")).toEqual([]);
  });

  it("rejects unknown fields, wrong types, missing required fields, bad enums and unknown operations", () => {
    expect(check("POST", "/repos/o/r/check-runs", { name: "x", head_sha: "abc", colour: "red" }).join()).toMatch(/additional properties/);
    expect(check("POST", "/repos/o/r/pulls/3/reviews", { event: "COMMENT", body: "b", comments: [{ path: "a", line: "7", body: "c" }] }).join()).toMatch(/line must be integer/);
    expect(check("POST", "/repos/o/r/check-runs", { head_sha: "abc" }).join()).toMatch(/required property 'name'/);
    expect(check("PATCH", "/repos/o/r/check-runs/5", { conclusion: "great" }).join()).toMatch(/allowed values/);
    expect(check("POST", "/repos/o/r/check-runs", { name: "x", head_sha: "a", output: { title: "t", summary: "s", annotations: Array.from({ length: 51 }, () => ({ path: "a", start_line: 1, end_line: 1, annotation_level: "notice", message: "m" })) } }).join()).toMatch(/more than 50 items/);
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
    const bad = await fetch(`${fake.baseUrl}/repos/o/r/check-runs`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: 1 }) });
    expect(bad.status).toBe(422);
    const anonymous = await fetch(`${fake.baseUrl}/repos/o/r/pulls/1`);
    expect(anonymous.status).toBe(401);
    expect(fake.violations).toHaveLength(2);
    expect(fake.calls.map((call) => call.status)).toEqual([422, 401]);
  });

  it("answers blob batches, threads and resolve mutations over GraphQL, and flags unknown variables", () => {
    const repos = new Map();
    const files = new Map([["src/a.js", "const a = 1;\n"]]);
    repos.set("o/r", { owner: "o", name: "r", defaultBranchSha: "s1", commits: new Map([["s1", files]]), pulls: new Map(), reviews: [], reviewComments: [], threads: [{ id: "T1", pull: 1, path: "src/a.js", resolved: false, commentIds: [] }], issueComments: [], checkRuns: [] });
    const blobs = answerGraphql(repos, {
      query: "query($owner: String!, $name: String!, $e0: String!, $e1: String!) { repository(owner: $owner, name: $name) { f0: object(expression: $e0) { ... on Blob { text isBinary byteSize } } f1: object(expression: $e1) { ... on Blob { text isBinary byteSize } } } }",
      variables: { owner: "o", name: "r", e0: "s1:src/a.js", e1: "s1:missing.js" },
    });
    expect(blobs.body).toEqual({ data: { repository: { f0: { text: "const a = 1;\n", isBinary: false, byteSize: 13 }, f1: null } } });
    const resolved = answerGraphql(repos, { query: "mutation($t0: ID!) { r0: resolveReviewThread(input: { threadId: $t0 }) { thread { id isResolved } } }", variables: { t0: "T1" } });
    expect(resolved.body).toEqual({ data: { r0: { thread: { id: "T1", isResolved: true } } } });
    expect(answerGraphql(repos, { query: "query($owner: String!) { viewer { login } }", variables: { owner: "o", extra: 1 } }).problems.join()).toMatch(/\$extra is given but not declared/);
  });
});

describe("makePatch", () => {
  it("writes one hunk with context, like GitHub's patch field", () => {
    expect(makePatch("a\nb\nc\nd\n", "a\nb\nX\nd\n")).toEqual({ patch: "@@ -1,4 +1,4 @@\n a\n b\n-c\n+X\n d", additions: 1, deletions: 1 });
    expect(makePatch(undefined, "x\ny\n")).toEqual({ patch: "@@ -0,0 +1,2 @@\n+x\n+y", additions: 2, deletions: 0 });
  });
});

describe("scripts/trim-openapi.ts", () => {
  it("keeps exactly the used operations and every component they reference; the committed copy is current", () => {
    const require = createRequire(import.meta.url);
    const full = JSON.parse(readFileSync(join(dirname(require.resolve("@octokit/openapi/package.json")), "generated", "api.github.com.json"), "utf8"));
    const trimmed = trimOpenApi(full) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(trimmed.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(operations.sort()).toEqual(USED_OPERATIONS.map(([method, path]) => `${method} ${path}`).sort());
    const committed = JSON.parse(readFileSync(new URL("./openapi-trimmed.json", import.meta.url), "utf8"));
    expect(committed).toEqual(trimmed);
  });
});
