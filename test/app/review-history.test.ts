/**
 * The review history through the whole App: real webhook payloads (@octokit/webhooks-examples) into
 * Probot, the fake GitHub answering, an in-memory PGlite history. Command replies are awaited as the
 * GitHub requests they make (vi.waitFor), so these pass whether a reply is written in the webhook
 * request or by a queue worker.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { HistoryStore } from "../../src/storage/history-store.js";
import { DEFAULT_AUTHOR, type FakeIssueComment } from "../fake-github/fake-state.js";
import { freshDatabase } from "../storage/test-database.js";
import { commentPayload } from "./support/comment-payload.js";
import { deliverPullRequest } from "./support/deliver.js";
import {
  deliveryId,
  examplePayload,
  INSTALLATION_ID,
  OWNER,
  REPO,
  startHarness,
  type Harness,
} from "./support/harness.js";
import { BUGGY_TODOS, CLEAN_USERS } from "./support/learner-code.js";
import { testDeps } from "./support/test-deps.js";

const learner = { installationId: INSTALLATION_ID, authorId: DEFAULT_AUTHOR.id };
const mentor = { login: "mentor", id: 6_000_002, type: "User" };

let store: HistoryStore;
let drop: () => Promise<void>;
let harness: Harness | undefined;

beforeAll(async () => {
  ({ store, drop } = await freshDatabase("pglite"));
}, 60_000);
afterAll(async () => drop());
beforeEach(async () => store.db.exec("TRUNCATE reviews, learners, learner_themes, check_days CASCADE"));
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(): Promise<Harness> {
  harness = await startHarness({ deps: testDeps({ history: store }) });
  return harness;
}

/** Opens pull request `number` with the buggy module and waits until it is reviewed. */
async function reviewed(h: Harness, number: number, code = BUGGY_TODOS): Promise<void> {
  h.fake.push(OWNER, REPO, number, { [`src/todos-${number}.js`]: code });
  await deliverPullRequest(h, "opened", number);
  await vi.waitFor(
    () => expect(h.fake.repo(OWNER, REPO).checkRuns.filter((run) => run.status === "completed")).toHaveLength(number),
    { timeout: 20_000 },
  );
}

/** Writes `body` on pull request 1 as `user`, and waits for the App's reply comment. */
async function say(
  h: Harness,
  body: string,
  user: { login: string; id: number; type: string },
): Promise<FakeIssueComment> {
  const before = h.fake.repo(OWNER, REPO).issueComments.length;
  await h.probot.receive({ id: deliveryId(), name: "issue_comment", payload: commentPayload(body, 1, user) } as never);
  return vi.waitFor(
    () => {
      const replies = h.fake
        .repo(OWNER, REPO)
        .issueComments.slice(before)
        .filter((comment) => comment.issue === 1 && !comment.body.includes("apprentice:summary"));
      expect(replies).toHaveLength(1);
      return replies[0]!;
    },
    { timeout: 20_000 },
  );
}

describe("the review history in the App", () => {
  it("records a reviewed pull request, and the next one's summary names the recurring checks", async () => {
    const h = await start();
    await reviewed(h, 1);
    const [first] = await store.recentReviews(learner);
    expect(first).toMatchObject({
      repository: `${OWNER}/${REPO}`,
      pullNumber: 1,
      headSha: h.fake.repo(OWNER, REPO).pulls.get(1)!.headSha,
      pullUrl: `https://github.com/${OWNER}/${REPO}/pull/1`,
    });
    expect(first!.rules.map((rule) => rule.ruleId).sort()).toEqual(["eq-test", "no-debugger-test", "todo-test"]);
    await reviewed(h, 2);
    const summary = h.fake
      .repo(OWNER, REPO)
      .issueComments.find((comment) => comment.issue === 2 && comment.body.includes("apprentice:summary"));
    expect(summary?.body).toContain("Recurring");
    expect(summary?.body).toContain(`first in [${OWNER}/${REPO}\\#1](https://github.com/${OWNER}/${REPO}/pull/1)`);
    expect((await store.recentReviews(learner)).map((review) => review.pullNumber)).toEqual([2, 1]);
    expect(h.fake.violations).toEqual([]);
  });

  it("does not record a bot's pull request", async () => {
    const h = await start();
    h.fake.push(
      OWNER,
      REPO,
      1,
      { "src/users.js": CLEAN_USERS },
      { author: { login: "renovate[bot]", id: 29139614, type: "Bot" } },
    );
    await deliverPullRequest(h, "opened", 1);
    await vi.waitFor(() => expect(h.fake.repo(OWNER, REPO).checkRuns[0]?.status).toBe("completed"), {
      timeout: 20_000,
    });
    expect(await store.recentReviews({ installationId: INSTALLATION_ID, authorId: 29139614 })).toEqual([]);
  });

  it("/apprentice progress answers the pull request's author with a table and a Mermaid chart, and nobody else with their scores", async () => {
    const h = await start();
    await reviewed(h, 1);
    await reviewed(h, 2, CLEAN_USERS);
    const mine = await say(h, "/apprentice progress", { ...DEFAULT_AUTHOR });
    expect(mine.body).toContain("xychart-beta");
    expect(mine.body).toContain(`${OWNER}/${REPO}#1`);
    expect(mine.body).toContain(`${OWNER}/${REPO}#2`);
    const theirs = await say(h, "/apprentice progress", mentor);
    expect(theirs.body).toContain(`only @${DEFAULT_AUTHOR.login} can ask`);
    expect(theirs.body).not.toContain("xychart-beta");
    expect(theirs.body).not.toContain(`${OWNER}/${REPO}#1`);
    expect(h.fake.violations).toEqual([]);
  });

  it("/apprentice forget-me deletes only the commenter's reviews and says how many", async () => {
    const h = await start();
    await reviewed(h, 1);
    await reviewed(h, 2);
    await store.record({ ...(await someoneElses()), author: { login: mentor.login, id: mentor.id } });
    const other = await say(h, "/apprentice forget-me", mentor);
    expect(other.body).toContain(`@${mentor.login}: Apprentice deleted 1 stored review `);
    expect(await store.recentReviews(learner)).toHaveLength(2);
    const own = await say(h, "/apprentice forget-me", { ...DEFAULT_AUTHOR });
    expect(own.body).toContain(`@${DEFAULT_AUTHOR.login}: Apprentice deleted 2 stored reviews`);
    expect(await store.recentReviews(learner)).toEqual([]);
    const left = await store.db.query<{ n: string | number }>("SELECT count(*) AS n FROM learners");
    expect(Number(left[0]?.n)).toBe(0);
  });

  it("installation.deleted deletes that installation's history and nothing else", async () => {
    const h = await start();
    await reviewed(h, 1);
    await store.record({ ...(await someoneElses()), installationId: INSTALLATION_ID + 1 });
    const payload = examplePayload("installation", "deleted");
    (payload.installation as { id: number }).id = INSTALLATION_ID;
    await h.probot.receive({ id: deliveryId(), name: "installation", payload } as never);
    await vi.waitFor(async () => expect(await store.recentReviews(learner)).toEqual([]), { timeout: 20_000 });
    expect(
      await store.recentReviews({ installationId: INSTALLATION_ID + 1, authorId: DEFAULT_AUTHOR.id }),
    ).toHaveLength(1);
  });
});

/** A stored review of another pull request, for the deletion tests to leave alone or delete. */
async function someoneElses(): Promise<Parameters<HistoryStore["record"]>[0]> {
  return {
    installationId: INSTALLATION_ID,
    repository: `${OWNER}/other`,
    pullNumber: 9,
    headSha: "f".repeat(40),
    author: { login: DEFAULT_AUTHOR.login, id: DEFAULT_AUTHOR.id },
    rubric: { id: "junior-backend", hash: "h" },
    conclusion: "neutral",
    partial: false,
    source: "app",
    criteria: [],
    findings: [
      { ruleId: "eq-test", criterion: "clean-code", level: "actionable", fingerprint: "x", path: "a.js", line: 1 },
    ],
  };
}
