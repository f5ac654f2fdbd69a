import { afterEach, describe, expect, it } from "vitest";
import { isUnsafeToRetry } from "../../src/app/apprentice-octokit.js";
import type { GitHubClient } from "../../src/github/github-client.js";
import { pullNumberOfExternalId, startCheckRun, UNPUBLISHED_RESULT } from "../../src/github/publish-check-run.js";
import { resolveThreads } from "../../src/github/resolve-threads.js";
import type { Fault, RecordedCall } from "../fake-github/fake-github.js";
import { deliverPullRequest } from "./support/deliver.js";
import { OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS, FIXED_DEBUGGER } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const CREATE_CHECK = "POST /repos/{owner}/{repo}/check-runs";
const UPDATE_CHECK = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";
const CREATE_REVIEW = "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews";
const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

async function reviewWith(faults: Fault[], files?: Record<string, string>) {
  harness = await startHarness(files ? { files } : {});
  harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
  for (const fault of faults) harness.fake.fail(fault);
  await deliverPullRequest(harness, "opened");
  return { h: harness, repo: harness.fake.repo(OWNER, REPO) };
}

const callsTo = (calls: readonly RecordedCall[], route: string) => calls.filter((call) => call.route === route);
const writes = (calls: readonly RecordedCall[]) => calls.filter((call) => call.write);

describe("a write GitHub applied before answering with an error is not sent twice", () => {
  it("a 502 after the review was applied: one review, no duplicate inline comments", async () => {
    const { h, repo } = await reviewWith([{ route: CREATE_REVIEW, status: 502, afterApply: true }]);
    expect(h.fake.violations).toEqual([]);
    expect(h.outcomes).toEqual(["published"]);
    expect(callsTo(h.fake.calls, CREATE_REVIEW).map((call) => call.status)).toEqual([502]);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.reviews[0]!.body).toContain(`<!-- apprentice:review sha=${repo.pulls.get(1)!.headSha} key=`);
    expect(repo.reviewComments).toHaveLength(3);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("a 502 before the review was applied: the marker is absent, so the review is sent again, once", async () => {
    const { h, repo } = await reviewWith([{ route: CREATE_REVIEW, status: 502 }]);
    expect(callsTo(h.fake.calls, CREATE_REVIEW).map((call) => call.status)).toEqual([502, 200]);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.reviewComments).toHaveLength(3);
  });

  it("a 502 after the summary comment was applied: one summary comment", async () => {
    const { h, repo } = await reviewWith([{ route: CREATE_COMMENT, status: 502, afterApply: true }]);
    expect(h.fake.violations).toEqual([]);
    expect(callsTo(h.fake.calls, CREATE_COMMENT).map((call) => call.status)).toEqual([502]);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("a connection reset after the check run was created: the run is found by its external_id, not created twice", async () => {
    const { h, repo } = await reviewWith([{ route: CREATE_CHECK, status: 502, afterApply: true, reset: true }]);
    expect(h.fake.violations).toEqual([]);
    expect(h.outcomes).toEqual(["published"]);
    expect(callsTo(h.fake.calls, CREATE_CHECK)).toHaveLength(1);
    expect(callsTo(h.fake.calls, "GET /repos/{owner}/{repo}/commits/{ref}/check-runs")).toHaveLength(1);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({
      status: "completed",
      conclusion: "failure",
      externalId: expect.stringMatching(/^apprentice:pr=1:key=/),
    });
    expect(pullNumberOfExternalId(repo.checkRuns[0]!.externalId)).toBe(1);
    expect(pullNumberOfExternalId("another-app:1")).toBeUndefined();
  });

  it("a job run again with the same key reuses the check run its earlier attempt created", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const octokit = (await harness.probot.auth(777)) as unknown as GitHubClient;
    const pr = { owner: OWNER, repo: REPO, number: 1, headSha: pull.headSha, baseSha: pull.baseSha };
    const first = await startCheckRun(octokit, pr, "job-42");
    expect(await startCheckRun(octokit, pr, "job-42", {}, true)).toBe(first);
    expect(await startCheckRun(octokit, pr, "job-43", {}, true)).not.toBe(first);
    expect(harness.fake.repo(OWNER, REPO).checkRuns).toHaveLength(2);
    expect(harness.fake.violations).toEqual([]);
  });

  it("a 502 after the completing update was applied: its annotations are not added twice", async () => {
    const { h, repo } = await reviewWith([{ route: UPDATE_CHECK, status: 502, afterApply: true }]);
    expect(h.fake.violations).toEqual([]);
    expect(callsTo(h.fake.calls, UPDATE_CHECK)).toHaveLength(1);
    expect(callsTo(h.fake.calls, "GET /repos/{owner}/{repo}/check-runs/{check_run_id}")).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
    expect(repo.checkRuns[0]!.annotations).toHaveLength(3);
  });
});

describe("finishing the check run is retried until it lands", () => {
  it("a 500 on the completing update for every attempt of the full result: completed neutral in a later attempt", async () => {
    // Five attempts of the full result (the first and four retries), then the neutral completion lands.
    const { h, repo } = await reviewWith([{ route: UPDATE_CHECK, status: 500, times: 5 }]);
    expect(h.fake.violations).toEqual([]);
    expect(callsTo(h.fake.calls, UPDATE_CHECK).map((call) => call.status)).toEqual([500, 500, 500, 500, 500, 200]);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({
      status: "completed",
      conclusion: "neutral",
      output: { title: UNPUBLISHED_RESULT.title },
    });
    expect(repo.reviews).toHaveLength(1);
    expect(repo.issueComments).toHaveLength(1);
    expect(h.logs.join("")).toContain("completed it neutral");
  });

  it("a persistent 500 on every update that carries the result: the small neutral completion lands", async () => {
    const carriesResult = (body: unknown) => (body as { conclusion?: string }).conclusion === "failure";
    const { h, repo } = await reviewWith([
      { route: UPDATE_CHECK, status: 500, times: Number.POSITIVE_INFINITY, match: carriesResult },
    ]);
    expect(h.fake.violations).toEqual([]);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(callsTo(h.fake.calls, UPDATE_CHECK).at(-1)!.status).toBe(200);
  });

  it("a 500 on every update, forever: a bounded number of attempts, then the review ends as failed and says so", async () => {
    const { h, repo } = await reviewWith([{ route: UPDATE_CHECK, status: 500, times: Number.POSITIVE_INFINITY }]);
    expect(h.outcomes).toEqual(["failed"]);
    expect(callsTo(h.fake.calls, UPDATE_CHECK).length).toBeLessThanOrEqual(20);
    expect(repo.checkRuns[0]!.status).toBe("in_progress");
    expect(repo.reviews).toHaveLength(1);
    expect(h.logs.join("")).toContain("could not complete the check run");
  });

  it("a 4xx is GitHub's answer that nothing was applied: no marker check, the review's own error handling applies", async () => {
    const { h } = await reviewWith([{ route: CREATE_REVIEW, status: 422, message: "Unprocessable Entity" }]);
    expect(callsTo(h.fake.calls, "POST /graphql")).toHaveLength(1);
  });
});

describe("writes per review (issue 9: at most 4, 3 with nothing new inline)", () => {
  it("first review: create in progress, review, summary, complete", async () => {
    const { h } = await reviewWith([]);
    expect(writes(h.fake.calls).map((call) => call.route)).toEqual([
      CREATE_CHECK,
      CREATE_REVIEW,
      CREATE_COMMENT,
      UPDATE_CHECK,
    ]);
  });

  it("a re-review with nothing new inline: create in progress, summary, complete", async () => {
    const { h } = await reviewWith([]);
    h.fake.push(OWNER, REPO, 1, { "README.md": "# Todo API\n\nMore.\n" });
    h.fake.resetCalls();
    await deliverPullRequest(h, "synchronize");
    expect(writes(h.fake.calls).map((call) => call.route)).toEqual([
      CREATE_CHECK,
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
      UPDATE_CHECK,
    ]);
  });

  it("a re-review that resolves a fixed finding's thread: the summary edit rides in the same mutation, still 3 writes", async () => {
    const { h, repo } = await reviewWith([]);
    h.fake.push(OWNER, REPO, 1, { "src/todos.js": FIXED_DEBUGGER });
    h.fake.resetCalls();
    await deliverPullRequest(h, "synchronize");
    expect(h.fake.violations).toEqual([]);
    expect(writes(h.fake.calls).map((call) => call.route)).toEqual([
      CREATE_CHECK,
      "POST /graphql (mutation)",
      UPDATE_CHECK,
    ]);
    expect(repo.threads.filter((thread) => thread.resolved)).toHaveLength(1);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.issueComments[0]!.body).toContain(repo.pulls.get(1)!.headSha.slice(0, 12));
  });

  it("60 findings with the default cap: still 4 writes, 50 annotations, the rest counted by check in the summary", async () => {
    harness = await startHarness({
      files: { ".github/apprentice.yml": "maxFindingsPerCheck: 1000\n", "README.md": "# Todo API\n" },
    });
    const files: Record<string, string> = {};
    for (let index = 0; index < 20; index += 1) files[`src/m${index}.js`] = BUGGY_TODOS;
    harness.fake.push(OWNER, REPO, 1, files);
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(writes(harness.fake.calls)).toHaveLength(4);
    expect(repo.checkRuns[0]!.annotations).toHaveLength(50);
    expect(repo.issueComments[0]!.body).toMatch(/10 more findings have no annotation/);
  });

  it("maxAnnotations in .github/apprentice.yml caps the annotations; the note counts the rest by check", async () => {
    harness = await startHarness({
      files: {
        ".github/apprentice.yml": "maxAnnotations: 5\nmaxFindingsPerCheck: 1000\n",
        "README.md": "# Todo API\n",
      },
    });
    const files: Record<string, string> = {};
    for (let index = 0; index < 20; index += 1) files[`src/m${index}.js`] = BUGGY_TODOS;
    harness.fake.push(OWNER, REPO, 1, files);
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(repo.checkRuns[0]!.annotations).toHaveLength(5);
    const note = repo.issueComments[0]!.body;
    expect(note).toMatch(/55 more findings have no annotation/);
    expect(note).toMatch(/`eq-test` 20, `todo-test` 20, `no-debugger-test` 15/);
    expect(repo.checkRuns[0]!.output!.summary).toMatch(/55 more findings have no annotation/);
  });

  it("maxAnnotations over 50: the earlier batch is checked by annotations_count after a 502, never added twice", async () => {
    harness = await startHarness({
      files: {
        ".github/apprentice.yml": "maxAnnotations: 100\nmaxFindingsPerCheck: 1000\n",
        "README.md": "# Todo API\n",
      },
    });
    const files: Record<string, string> = {};
    for (let index = 0; index < 20; index += 1) files[`src/m${index}.js`] = BUGGY_TODOS;
    harness.fake.push(OWNER, REPO, 1, files);
    harness.fake.fail({ route: UPDATE_CHECK, status: 502, afterApply: true });
    await deliverPullRequest(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(harness.fake.violations).toEqual([]);
    expect(repo.checkRuns[0]!.annotations).toHaveLength(60);
    expect(callsTo(harness.fake.calls, UPDATE_CHECK)).toHaveLength(2);
  });
});

describe("the resolving mutation with the summary edit", () => {
  it("reports the summary edit as landed when GitHub refused only a thread", async () => {
    const octokit = {
      graphql: () =>
        Promise.reject(
          Object.assign(new Error("Could not resolve to a node"), {
            data: { r0: null, summary: { issueComment: { id: "IC_1" } } },
          }),
        ),
    } as unknown as GitHubClient;
    await expect(resolveThreads(octokit, ["PRRT_1"], { nodeId: "IC_1", body: "x" })).rejects.toMatchObject({
      summaryEdited: true,
    });
    const refused = {
      graphql: () => Promise.reject(Object.assign(new Error("Forbidden"), { status: 403 })),
    } as unknown as GitHubClient;
    await expect(resolveThreads(refused, ["PRRT_1"], { nodeId: "IC_1", body: "x" })).rejects.not.toHaveProperty(
      "summaryEdited",
    );
  });
});

describe("which requests Octokit's retry plugin may repeat", () => {
  it("never a REST write; reads, GraphQL and the token exchange yes", () => {
    expect(isUnsafeToRetry("POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews")).toBe(true);
    expect(isUnsafeToRetry("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}")).toBe(true);
    expect(isUnsafeToRetry("POST", "http://127.0.0.1:3000/api/v3/repos/o/r/issues/1/comments")).toBe(true);
    expect(isUnsafeToRetry("GET", "/repos/{owner}/{repo}/pulls/{pull_number}/files")).toBe(false);
    expect(isUnsafeToRetry("POST", "/graphql")).toBe(false);
    expect(isUnsafeToRetry("POST", "http://127.0.0.1:3000/api/graphql")).toBe(false);
    expect(isUnsafeToRetry("POST", "/app/installations/{installation_id}/access_tokens")).toBe(false);
  });
});
