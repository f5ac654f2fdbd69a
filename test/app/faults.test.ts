import { afterEach, describe, expect, it } from "vitest";
import { deliverPullRequest } from "./support/deliver.js";
import { OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function reviewWith(faults: Parameters<Harness["fake"]["fail"]>[0][]) {
  harness = await startHarness();
  harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
  for (const fault of faults) harness.fake.fail(fault);
  await deliverPullRequest(harness, "opened");
  return { h: harness, repo: harness.fake.repo(OWNER, REPO) };
}

function expectOneCompleteReview(repo: ReturnType<Harness["fake"]["repo"]>) {
  expect(repo.checkRuns).toHaveLength(1);
  expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  expect(repo.reviews).toHaveLength(1);
  expect(repo.reviewComments).toHaveLength(3);
  expect(repo.issueComments).toHaveLength(1);
}

describe("GitHub faults: reviews still complete, nothing posted twice, nothing lost", () => {
  it("500 and 502 answers are retried", async () => {
    const { h, repo } = await reviewWith([
      { route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/files", status: 500 },
      { route: "POST /graphql", status: 502 },
      { route: "POST /repos/{owner}/{repo}/issues/{issue_number}/comments", status: 502 },
    ]);
    expect(h.fake.violations).toEqual([]);
    expectOneCompleteReview(repo);
    expect(h.fake.calls.filter((call) => call.status >= 500)).toHaveLength(3);
  });

  it("a 403 secondary rate limit is honoured with retry-after and the write retried once", async () => {
    const { h, repo } = await reviewWith([
      {
        route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        status: 403,
        headers: { "retry-after": "2" },
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
    ]);
    expectOneCompleteReview(repo);
    const reviewCalls = h.fake.calls.filter(
      (call) => call.route === "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    );
    expect(reviewCalls.map((call) => call.status)).toEqual([403, 200]);
    expect(h.logs.join("")).toMatch(/secondary rate limit/i);
  });

  it("a 404 for the head commit (branch deleted) completes the check run neutral with a clear note", async () => {
    const { h, repo } = await reviewWith([
      { route: "GET /repos/{owner}/{repo}/git/trees/{tree_sha}", status: 404, message: "Not Found" },
    ]);
    expect(h.fake.violations).toEqual([]);
    expect(h.outcomes).toEqual(["failed"]);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "neutral" });
    expect(repo.checkRuns[0]!.output?.summary).toMatch(/branch deleted/);
    expect(repo.reviews).toHaveLength(0);
  });

  it("a 422 on the review (a line left the diff) posts the findings in the review body instead", async () => {
    const { h, repo } = await reviewWith([
      {
        route: "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
        status: 422,
        message: "Unprocessable Entity: Line could not be resolved",
      },
    ]);
    expect(h.fake.violations).toEqual([]);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.reviewComments).toHaveLength(0);
    expect(repo.reviews[0]!.body.match(/apprentice:fp=/g)).toHaveLength(3);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("the fake answers 422, like GitHub, for a review comment on a line outside the diff", async () => {
    harness = await startHarness();
    const pull = harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const octokit = await harness.probot.auth(777);
    const attempt = octokit.rest.pulls.createReview({
      owner: OWNER,
      repo: REPO,
      pull_number: 1,
      commit_id: pull.headSha,
      event: "COMMENT",
      body: "x",
      comments: [{ path: "src/app.js", line: 1, side: "RIGHT", body: "not in the diff" }],
    });
    await expect(attempt).rejects.toMatchObject({ status: 422 });
    expect(harness.fake.repo(OWNER, REPO).reviews).toHaveLength(0);
  });
});

describe("housekeeping failures do not fail the review", () => {
  it("a failed resolveReviewThread mutation is logged and the review still completes", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS.replace("  debugger;\n", "") });
    fake.fail({ route: "POST /graphql (mutation)", status: 403, message: "Resource not accessible by integration" });
    await deliverPullRequest(harness, "synchronize");
    const repo = fake.repo(OWNER, REPO);
    expect(harness.outcomes).toEqual(["published", "published"]);
    expect(repo.checkRuns[1]).toMatchObject({ status: "completed", conclusion: "success" });
    expect(harness.logs.join("")).toContain("could not resolve outdated threads");
  });
});
