import { afterEach, describe, expect, it } from "vitest";
import { deliveryId, OWNER, pullRequestPayload, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS, CLEAN_USERS } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function deliver(h: Harness, action: string, number = 1, id = deliveryId()) {
  const pull = h.fake.repo(OWNER, REPO).pulls.get(number)!;
  await h.probot.receive({ id, name: "pull_request", payload: pullRequestPayload(action, pull) } as never);
}

describe("pull_request webhooks (probot.receive with real example payloads)", () => {
  it("opened: check run in progress then completed, one review with inline comments on diff lines, one summary comment", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS, "src/users.js": CLEAN_USERS });
    await deliver(harness, "opened");

    expect(fake.violations).toEqual([]);
    expect(harness.outcomes).toEqual(["published"]);
    const repo = fake.repo(OWNER, REPO);
    expect(repo.checkRuns).toHaveLength(1);
    const run = repo.checkRuns[0]!;
    expect(run).toMatchObject({
      name: "Apprentice review",
      headSha: repo.pulls.get(1)!.headSha,
      status: "completed",
      conclusion: "failure",
    });
    expect(run.annotations).toHaveLength(3);
    const checkCalls = fake.calls.filter((call) => call.route.includes("check-runs"));
    expect(checkCalls.map((call) => (call.body as { status?: string }).status)).toEqual(["in_progress", "completed"]);

    expect(repo.reviews).toHaveLength(1);
    expect(repo.reviewComments.map((comment) => [comment.path, comment.line])).toEqual([
      ["src/todos.js", 5],
      ["src/todos.js", 3],
      ["src/todos.js", 6],
    ]);
    for (const comment of repo.reviewComments) expect(comment.body).toMatch(/<!-- apprentice:fp=[^ ]+ -->/);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.issueComments[0]!.body).toContain("<!-- apprentice:summary -->");
  });

  it("stays within the request budget for a small first review and counts writes separately", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliver(harness, "opened");
    const api = fake.calls.filter((call) => !call.route.includes("access_tokens"));
    expect(api.map((call) => call.route).sort()).toEqual([
      "GET /repos/{owner}/{repo}/contents/{path}",
      "GET /repos/{owner}/{repo}/contents/{path}",
      "GET /repos/{owner}/{repo}/git/trees/{tree_sha}",
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/files",
      "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}",
      "POST /graphql",
      "POST /repos/{owner}/{repo}/check-runs",
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    ]);
    // The check run is created in progress before anything is published, and completed last.
    const order = api.map((call) => call.route);
    expect(order.indexOf("POST /repos/{owner}/{repo}/check-runs")).toBeLessThan(
      order.indexOf("POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"),
    );
    expect(order.at(-1)).toBe("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}");
    expect(api.filter((call) => call.write)).toHaveLength(4);
  });

  it("the same delivery twice is reviewed once", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const id = deliveryId();
    await deliver(harness, "opened", 1, id);
    await deliver(harness, "opened", 1, id);
    const repo = harness.fake.repo(OWNER, REPO);
    expect(repo.checkRuns).toHaveLength(1);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.issueComments).toHaveLength(1);
  });

  it("a clean pull request gets a green check, no review and a summary", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/users.js": CLEAN_USERS });
    await deliver(harness, "opened");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(repo.checkRuns[0]).toMatchObject({ status: "completed", conclusion: "success" });
    expect(repo.reviews).toHaveLength(0);
    expect(repo.issueComments).toHaveLength(1);
    expect(harness.fake.violations).toEqual([]);
  });

  it("never writes an installation token to the log", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliver(harness, "opened");
    expect(harness.fake.issuedTokens.length).toBeGreaterThan(0);
    expect(harness.logs.length).toBeGreaterThan(0);
    const logText = harness.logs.join("");
    for (const token of harness.fake.issuedTokens) expect(logText).not.toContain(token);
    expect(logText).not.toContain("PRIVATE KEY");
  });
});
