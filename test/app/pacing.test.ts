/**
 * GitHub's pacing is per installation: a busy installation (its write limiter occupied) never holds up
 * another installation's review. With Redis, the limiters are shared by every replica: one replica's
 * busy installation holds up the other replica's writes for that installation, and only for it.
 * Everything is proved by which requests reached the fake GitHub, not by timing.
 */
import { createConnection } from "node:net";
import { randomUUID } from "node:crypto";
import Bottleneck from "bottleneck";
import { pino } from "pino";
import { createProbot } from "probot";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apprenticeOctokit } from "../../src/app/apprentice-octokit.js";
import { createApp } from "../../src/app/create-app.js";
import { createPacing, type Pacing } from "../../src/app/create-pacing.js";
import type { ReviewOutcome } from "../../src/app/run-review.js";
import {
  APP_ID,
  deliveryId,
  INSTALLATION_ID,
  OWNER,
  pullRequestPayload,
  REPO,
  startHarness,
  WEBHOOK_SECRET,
  type Harness,
} from "./support/harness.js";
import { BUGGY_TODOS } from "./support/learner-code.js";
import type { FakeGitHub } from "../fake-github/fake-github.js";

const OTHER_OWNER = "other-bootcamp";
const OTHER_INSTALLATION = INSTALLATION_ID + 1;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

let harness: Harness | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
  await harness?.close();
  harness = undefined;
});

/** The same pull request shape in a second organisation, with its own installation. */
function otherPayload(fake: FakeGitHub): Record<string, unknown> {
  const pull = fake.repo(OTHER_OWNER, REPO).pulls.get(1)!;
  const payload = pullRequestPayload("opened", pull);
  const repository = payload.repository as { full_name: string; owner: { login: string } };
  repository.full_name = `${OTHER_OWNER}/${REPO}`;
  repository.owner.login = OTHER_OWNER;
  payload.installation = { id: OTHER_INSTALLATION, node_id: "x" };
  return payload;
}

function twoInstallations(fake: FakeGitHub) {
  fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
  fake.addRepo(OTHER_OWNER, REPO, { "README.md": "# Todo API\n" });
  fake.push(OTHER_OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
  return { busy: pullRequestPayload("opened", fake.repo(OWNER, REPO).pulls.get(1)!), other: otherPayload(fake) };
}

/** Occupies one installation's write limiter (maxConcurrent 1) until `release()`. */
function occupy(group: Bottleneck.Group, installationId: number): { release: () => void; started: Promise<void> } {
  let release!: () => void;
  let started!: () => void;
  const startedPromise = new Promise<void>((resolve) => (started = resolve));
  const held = new Promise<void>((resolve) => (release = resolve));
  void group.key(String(installationId)).schedule(() => {
    started();
    return held;
  });
  return { release, started: startedPromise };
}

const writesIn = (fake: FakeGitHub, owner: string) =>
  fake.calls.filter((call) => call.write && call.path.includes(`/repos/${owner}/`));

describe("pacing per installation, in memory (no REDIS_URL)", () => {
  it("a busy installation does not hold up another installation's review", async () => {
    const write = new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 });
    harness = await startHarness({
      pacing: { retryAfterBaseValue: 1, write, notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }) },
    });
    const { fake, probot } = harness;
    const { busy, other } = twoInstallations(fake);
    const blocker = occupy(write, INSTALLATION_ID);
    await blocker.started;
    // The harness's receive waits for the whole queue to drain, which includes the held review: wait for the
    // other installation's review alone instead.
    const busyReview = probot.receive({ id: deliveryId(), name: "pull_request", payload: busy } as never);
    void probot.receive({ id: deliveryId(), name: "pull_request", payload: other } as never);
    const done = harness;
    await vi.waitFor(() => expect(done.outcomes).toEqual(["published"]), { timeout: 20_000, interval: 20 });
    expect(writesIn(fake, OTHER_OWNER)).toHaveLength(4);
    expect(fake.repo(OTHER_OWNER, REPO).checkRuns[0]).toMatchObject({ status: "completed" });
    expect(writesIn(fake, OWNER)).toHaveLength(0);

    blocker.release();
    await busyReview;
    expect(harness.outcomes).toEqual(["published", "published"]);
    expect(writesIn(fake, OWNER)).toHaveLength(4);
    expect(fake.violations).toEqual([]);
  });
});

async function redisReachable(): Promise<boolean> {
  const url = new URL(REDIS_URL);
  return new Promise((resolve) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port || 6379) });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const haveRedis = await redisReachable();
if (!haveRedis)
  console.warn(
    `pacing.test.ts: no Redis at ${REDIS_URL}; the shared-pacing tests are skipped (start Redis or set REDIS_URL to run them)`,
  );

/** Removes this run's limiter keys (Bottleneck names them `b_<group id>-<key>_…`). */
async function deleteKeys(pattern: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  try {
    const keys = await client.keys(pattern);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}

/** A second App process (replica) on the same fake GitHub, with its own Redis connection for the pacing. */
async function replica(fake: FakeGitHub, privateKey: string, pacing: Pacing, outcomes: ReviewOutcome[]) {
  const probot = createProbot({
    env: {
      APP_ID: String(APP_ID),
      PRIVATE_KEY: privateKey,
      WEBHOOK_SECRET,
      GHE_HOST: fake.host,
      GHE_PROTOCOL: "http",
      LOG_LEVEL: "silent",
    },
    overrides: { log: pino({ level: "silent" }), Octokit: apprenticeOctokit({ ...pacing, retryAfterBaseValue: 1 }) },
  });
  await probot.load(createApp(harness!.deps, { onReviewed: (_pr, outcome) => outcomes.push(outcome) }));
  return probot;
}

describe.skipIf(!haveRedis)("pacing shared across replicas through Redis (REDIS_URL)", () => {
  it("one replica's busy installation holds up that installation's writes in another replica, and no other installation's", async () => {
    const prefix = `apprentice-test-${randomUUID()}`;
    const first = createPacing({ redisUrl: REDIS_URL, prefix, writeGapMs: 0, notificationGapMs: 0 });
    const second = createPacing({ redisUrl: REDIS_URL, prefix, writeGapMs: 0, notificationGapMs: 0 });
    cleanups.push(async () => {
      await Promise.all([first.close(), second.close()]);
      await deleteKeys(`b_${prefix}-*`);
    });
    harness = await startHarness({ pacing: { ...first, retryAfterBaseValue: 1 } });
    const { fake } = harness;
    const { busy, other } = twoInstallations(fake);
    const outcomes: ReviewOutcome[] = [];
    const otherReplica = await replica(fake, harness.privateKey, second, outcomes);

    // Replica 1 is writing for the busy installation (its limiter, in Redis, is occupied).
    const blocker = occupy(first.write, INSTALLATION_ID);
    await blocker.started;
    const busyReview = otherReplica.receive({ id: deliveryId(), name: "pull_request", payload: busy } as never);
    await otherReplica.receive({ id: deliveryId(), name: "pull_request", payload: other } as never);

    // The replica's webhook handler only enqueues: wait for its worker to finish the other installation's review.
    await vi.waitFor(() => expect(outcomes).toEqual(["published"]), { timeout: 20_000, interval: 20 });
    expect(writesIn(fake, OTHER_OWNER)).toHaveLength(4);
    expect(writesIn(fake, OWNER)).toHaveLength(0);

    blocker.release();
    await busyReview;
    await vi.waitFor(() => expect(outcomes).toEqual(["published", "published"]), { timeout: 20_000, interval: 20 });
    expect(writesIn(fake, OWNER)).toHaveLength(4);
    expect(fake.violations).toEqual([]);
  });
});

describe.skipIf(!haveRedis)("pacing in Redis recovers from the errors Bottleneck's scripts raise on purpose", () => {
  it("a process whose registration expired registers again (UNKNOWN_CLIENT on Redis 7), instead of failing every request", async () => {
    const prefix = `apprentice-test-${randomUUID()}`;
    const pacing = createPacing({ redisUrl: REDIS_URL, prefix, writeGapMs: 0, notificationGapMs: 0 });
    cleanups.push(async () => {
      await pacing.close();
      await deleteKeys(`b_${prefix}-*`);
    });
    const limiter = pacing.write.key(String(INSTALLATION_ID));
    expect(await limiter.schedule(async () => "first")).toBe("first");
    // What a long pause does: the store forgets this client (Bottleneck drops clients unseen for 10 s).
    const client = new Redis(REDIS_URL);
    try {
      const [lastSeen] = await client.keys(`b_${prefix}-octokit-write-${INSTALLATION_ID}_client_last_seen`);
      expect(lastSeen).toBeDefined();
      await client.del(lastSeen!);
    } finally {
      client.disconnect();
    }
    expect(await limiter.schedule(async () => "after the registration expired")).toBe("after the registration expired");
  });
});
