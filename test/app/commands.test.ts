import { afterEach, describe, expect, it } from "vitest";
import { commentPayload } from "./support/comment-payload.js";
import { deliveryId, OWNER, REPO, startHarness, type Harness } from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function say(h: Harness, body: string, user?: { login: string; type: string }) {
  await h.probot.receive({ id: deliveryId(), name: "issue_comment", payload: commentPayload(body, 1, user) } as never);
  return h.fake.repo(OWNER, REPO).issueComments;
}

describe("/apprentice commands in pull request comments", () => {
  it("/apprentice help lists the commands", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const comments = await say(harness, "/apprentice help");
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("/apprentice explain <check-id>");
    expect(harness.fake.violations).toEqual([]);
  });

  it("/apprentice explain <id> answers with the lesson", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const comments = await say(harness, "Thanks!\n/apprentice explain eq-test");
    expect(comments[0]!.body).toContain("# Use ===");
  });

  it("/apprentice explain with an unknown id suggests close matches", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const comments = await say(harness, "/apprentice explain eq-tset");
    expect(comments[0]!.body).toContain("no check called `eq-tset`");
    expect(comments[0]!.body).toContain("`eq-test`");
  });

  it("/apprentice review runs the review again for the pull request's head", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await say(harness, "/apprentice review");
    const repo = harness.fake.repo(OWNER, REPO);
    expect(harness.outcomes).toEqual(["published"]);
    expect(repo.checkRuns[0]).toMatchObject({ headSha: repo.pulls.get(1)!.headSha, status: "completed" });
    expect(harness.fake.violations).toEqual([]);
  });

  it("ignores comments from bots and comments without a command", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await say(harness, "/apprentice help", { login: "other[bot]", type: "Bot" });
    await say(harness, "Looks good to me");
    expect(harness.fake.calls).toEqual([]);
  });
});

describe("command replies run in a worker, not in the webhook's request", () => {
  const CREATE_COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";

  it("the webhook is handled before the reply is posted; a worker posts it once", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const hold = harness.fake.hold(CREATE_COMMENT);
    // probot.webhooks.receive is what the App's HTTP server awaits before answering 202.
    await harness.probot.webhooks.receive({
      id: deliveryId(),
      name: "issue_comment",
      payload: commentPayload("/apprentice help"),
    } as never);
    expect(harness.fake.calls).toEqual([]);
    expect(await harness.queue.depth()).toBe(1);
    await hold.reached;
    hold.release();
    await harness.queue.idle();
    expect(harness.fake.repo(OWNER, REPO).issueComments).toHaveLength(1);
  });

  it("/apprentice review reads the pull request in the worker, then queues the review", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    await harness.probot.webhooks.receive({
      id: deliveryId(),
      name: "issue_comment",
      payload: commentPayload("/apprentice review"),
    } as never);
    expect(harness.fake.calls.filter((call) => !call.route.includes("access_tokens"))).toEqual([]);
    await harness.queue.idle();
    expect(harness.fake.calls.some((call) => call.route === "GET /repos/{owner}/{repo}/pulls/{pull_number}")).toBe(
      true,
    );
    expect(harness.outcomes).toEqual(["published"]);
  });

  it("the same comment delivered twice is answered once", async () => {
    harness = await startHarness();
    harness.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const id = deliveryId();
    await harness.probot.receive({ id, name: "issue_comment", payload: commentPayload("/apprentice help") } as never);
    await harness.probot.receive({ id, name: "issue_comment", payload: commentPayload("/apprentice help") } as never);
    expect(harness.fake.repo(OWNER, REPO).issueComments).toHaveLength(1);
  });
});
