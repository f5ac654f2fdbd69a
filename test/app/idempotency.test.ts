import { afterEach, describe, expect, it } from "vitest";
import { deliverPullRequest } from "./support/deliver.js";
import { OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS, FIXED_DEBUGGER } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe("re-reviews post nothing twice", () => {
  it("a new push with the same findings adds no inline comment and edits the summary in place", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = fake.repo(OWNER, REPO);
    const firstComments = repo.reviewComments.length;
    const summaryId = repo.issueComments[0]!.id;
    expect(firstComments).toBe(3);

    // A later push that touches another file (same findings in src/todos.js, which moved down one line).
    fake.push(OWNER, REPO, 1, {
      "src/todos.js": `// Todo helpers\n${BUGGY_TODOS}`,
      "README.md": "# Todo API\n\nRun npm start.\n",
    });
    fake.resetCalls();
    await deliverPullRequest(harness, "synchronize");

    expect(fake.violations).toEqual([]);
    expect(repo.reviewComments).toHaveLength(firstComments);
    expect(repo.reviews).toHaveLength(1);
    expect(repo.issueComments).toHaveLength(1);
    expect(repo.issueComments[0]!.id).toBe(summaryId);
    expect(repo.issueComments[0]!.body).toContain(repo.pulls.get(1)!.headSha.slice(0, 7));
    expect(fake.calls.map((call) => call.route)).toContain("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}");
    expect(fake.calls.map((call) => call.route)).not.toContain(
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
    );
    expect(repo.threads.every((thread) => !thread.resolved)).toBe(true);
    expect(repo.checkRuns).toHaveLength(2);
  });

  it("a fixed finding gets its thread resolved; other threads stay open", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = fake.repo(OWNER, REPO);
    const debuggerThread = repo.threads.find((thread) =>
      repo.reviewComments.find((comment) => comment.id === thread.commentIds[0])!.body.includes("no-debugger-test"),
    )!;

    fake.push(OWNER, REPO, 1, { "src/todos.js": FIXED_DEBUGGER });
    await deliverPullRequest(harness, "synchronize");

    expect(fake.violations).toEqual([]);
    expect(debuggerThread.resolved).toBe(true);
    expect(repo.threads.filter((thread) => thread.resolved)).toHaveLength(1);
    expect(repo.reviewComments).toHaveLength(3);
    expect(fake.calls.filter((call) => call.route === "POST /graphql (mutation)")).toHaveLength(1);
  });

  it("a thread a person replied to is left for people to resolve", async () => {
    harness = await startHarness();
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = fake.repo(OWNER, REPO);
    const debuggerThread = repo.threads.find((thread) =>
      repo.reviewComments.find((comment) => comment.id === thread.commentIds[0])!.body.includes("no-debugger-test"),
    )!;
    fake.reply(OWNER, REPO, debuggerThread.id, { login: "mentor", type: "User" }, "Why is debugger a problem here?");

    fake.push(OWNER, REPO, 1, { "src/todos.js": FIXED_DEBUGGER });
    fake.resetCalls();
    await deliverPullRequest(harness, "synchronize");

    expect(debuggerThread.resolved).toBe(false);
    expect(fake.calls.map((call) => call.route)).not.toContain("POST /graphql (mutation)");
  });

  it("findings over maxInlineComments go in the review body once, and are not listed again on the next push", async () => {
    harness = await startHarness({
      files: { ".github/apprentice.yml": "maxInlineComments: 1\n", "README.md": "# Todo API\n" },
    });
    const { fake } = harness;
    fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await deliverPullRequest(harness, "opened");
    const repo = fake.repo(OWNER, REPO);
    expect(repo.reviewComments).toHaveLength(1);
    expect(repo.reviewComments[0]!.body).toContain("no-debugger-test");
    expect(repo.reviews[0]!.body.match(/apprentice:fp=/g)).toHaveLength(2);

    fake.push(OWNER, REPO, 1, { "README.md": "# Todo API\n\nMore docs.\n" });
    await deliverPullRequest(harness, "synchronize");
    expect(repo.reviews).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });
});
