/**
 * Two App processes and a worker process on one Redis queue and one PostgreSQL history, against the
 * fake GitHub: what two replicas behind a load balancer do. Runs whenever Redis answers on
 * 127.0.0.1:6379 and PostgreSQL on 127.0.0.1:5432 (APPRENTICE_TEST_REDIS_URL /
 * APPRENTICE_TEST_DATABASE_URL elsewhere); each run has its own key prefix and database. Every wait is
 * on a condition (a log line, a check run's state, the shared queue's depth), never on a fixed sleep.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeRepo } from "../fake-github/fake-state.js";
import { deliveryId, OWNER, pullRequestPayload, REPO } from "../app/support/harness.js";
import { BUGGY_TODOS, CLEAN_USERS, FIXED_DEBUGGER } from "../app/support/learner-code.js";
import {
  ADMIN_DATABASE_URL,
  deliver,
  postgresProblem,
  redisAnswers,
  REDIS_URL,
  startCluster,
  until,
  type AppProcess,
  type Cluster,
} from "./app-processes.js";

const redis = await redisAnswers();
const postgres = redis ? await postgresProblem() : undefined;
const skipReason = !redis
  ? `Redis is not answering on ${REDIS_URL}: the multi-process queue tests are skipped (the in-process queue's tests still run). Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`
  : postgres !== undefined
    ? `PostgreSQL is not reachable at ${ADMIN_DATABASE_URL} (${postgres}): the multi-process queue tests are skipped, since several processes need a shared history (set APPRENTICE_TEST_DATABASE_URL)`
    : undefined;
if (skipReason) console.warn(skipReason);

const CREATE_REVIEW = "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews";
const UPDATE_CHECK = "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}";

let cluster: Cluster;

function repo(): FakeRepo {
  return cluster.fake.repo(OWNER, REPO);
}
const runsOf = (sha: string) => repo().checkRuns.filter((run) => run.headSha === sha);
const reviewsOf = (pull: number) => repo().reviews.filter((review) => review.pull === pull);
const commentsOf = (pull: number) => repo().issueComments.filter((comment) => comment.issue === pull);
const alive = () =>
  cluster.all().filter((process) => process.child.exitCode === null && process.child.signalCode === null);
const logged = (process: AppProcess, msg: string, where: (log: Record<string, unknown>) => boolean = () => true) =>
  process.logs.some((log) => log.msg === msg && where(log));

/** The shared queue's depth as a live process reports it on /metrics (waiting + active jobs in Redis). */
async function queueDepth(): Promise<number> {
  const text = await (await fetch(`${alive()[0]!.url}/metrics`)).text();
  const line = text.split("\n").find((candidate) => candidate.startsWith("apprentice_queue_depth "));
  return Number(line?.split(" ")[1] ?? Number.NaN);
}

/** Waits until `pull`'s review finished in some process and nothing is left in the queue. */
async function settled(pull: number, sha: string, what: string): Promise<void> {
  await until(
    () =>
      cluster
        .all()
        .some((process) =>
          logged(process, "apprentice: review finished", (log) => log.pull === pull && log.sha === sha),
        ),
    60000,
    `${what}: "review finished" for #${pull}`,
  );
  await until(async () => (await queueDepth()) === 0, 30000, `${what}: an empty queue`);
}

describe.skipIf(skipReason !== undefined)("two App processes and a worker on one Redis queue", () => {
  beforeAll(async () => {
    cluster = await startCluster(2);
    cluster.fake.addRepo(OWNER, REPO, { "README.md": "# Todo API\n", "src/app.js": "export const app = 1;\n" });
  }, 300_000);
  afterAll(async () => cluster?.close(), 60_000);

  it("the same delivery sent to both Apps is reviewed once", async () => {
    const pull = cluster.fake.push(OWNER, REPO, 1, { "src/todos.js": BUGGY_TODOS });
    const id = deliveryId();
    const statuses = await Promise.all(
      cluster.apps.map((app) => deliver(app, "pull_request", pullRequestPayload("opened", pull), id)),
    );
    expect(statuses).toEqual([202, 202]);
    // One App queued it, the other saw the delivery id in Redis.
    await until(
      () =>
        cluster.apps.some((app) =>
          logged(
            app,
            "apprentice: webhook already handled",
            (log) => log.delivery === id && log.result === "duplicate-delivery",
          ),
        ),
      10000,
      "the second App's duplicate",
    );
    await settled(1, pull.headSha, "same delivery");
    expect(runsOf(pull.headSha)).toHaveLength(1);
    expect(runsOf(pull.headSha)[0]!.status).toBe("completed");
    expect(reviewsOf(1)).toHaveLength(1);
    expect(commentsOf(1)).toHaveLength(1);
    expect(cluster.fake.violations).toEqual([]);
  }, 90_000);

  it("a replayed body under a new delivery id does nothing", async () => {
    const pull = repo().pulls.get(1)!;
    const writesBefore = cluster.fake.calls.filter((call) => call.write).length;
    const id = deliveryId();
    expect(await deliver(cluster.apps[1]!, "pull_request", pullRequestPayload("opened", pull), id)).toBe(202);
    // The 202 comes after the enqueue decision, so the log line is there once the answer is.
    await until(
      () =>
        logged(
          cluster.apps[1]!,
          "apprentice: webhook already handled",
          (log) => log.delivery === id && log.result === "duplicate-content",
        ),
      10000,
      "the replay recognised",
    );
    expect(await queueDepth()).toBe(0);
    expect(runsOf(pull.headSha)).toHaveLength(1);
    expect(cluster.fake.calls.filter((call) => call.write).length).toBe(writesBefore);
  }, 30_000);

  it("synchronize pushes alternating between the Apps: the newest head is reviewed and no run stays in progress", async () => {
    const heads: string[] = [];
    for (const [index, source] of [FIXED_DEBUGGER, CLEAN_USERS, BUGGY_TODOS, FIXED_DEBUGGER].entries()) {
      const pull = cluster.fake.push(OWNER, REPO, 1, { "src/todos.js": source });
      heads.push(pull.headSha);
      expect(
        await deliver(cluster.apps[index % 2]!, "pull_request", pullRequestPayload("synchronize", pull), deliveryId()),
      ).toBe(202);
    }
    const last = heads.at(-1)!;
    await settled(1, last, "alternating pushes");
    await until(() => repo().checkRuns.every((run) => run.status === "completed"), 30000, "every check run completed");
    expect(runsOf(last)).toHaveLength(1);
    expect(runsOf(last)[0]!.output?.title).not.toMatch(/Superseded/);
    // An older head never got a run (dropped while waiting), was completed as superseded, or was already
    // publishing when the next push arrived (the worker asks every 200 ms, and a review that reached
    // publishing finishes): then it finished before the newest head did, so its result is not the last word.
    const finishedAt = (sha: string) =>
      cluster
        .all()
        .flatMap((process) => process.logs)
        .filter((log) => log.msg === "apprentice: review finished" && log.sha === sha)
        .map((log) => Number(log.time));
    const lastFinished = Math.max(...finishedAt(last));
    expect(Number.isFinite(lastFinished)).toBe(true);
    for (const sha of heads.slice(0, -1))
      for (const run of runsOf(sha)) {
        if (/Superseded/.test(run.output?.title ?? "")) continue;
        expect(run.status).toBe("completed");
        expect(finishedAt(sha).length).toBeGreaterThan(0);
        expect(Math.max(...finishedAt(sha))).toBeLessThanOrEqual(lastFinished);
      }
    expect(commentsOf(1)).toHaveLength(1);
    expect(commentsOf(1)[0]!.body).toContain(last.slice(0, 7));
  }, 90_000);

  it("a 502 after GitHub applied the review: one review, no duplicate inline comments", async () => {
    const number = 3;
    const pull = cluster.fake.push(OWNER, REPO, number, { "src/todos.js": BUGGY_TODOS });
    cluster.fake.fail({
      route: CREATE_REVIEW,
      status: 502,
      afterApply: true,
      match: (body) => (body as { commit_id?: string }).commit_id === pull.headSha,
    });
    expect(await deliver(cluster.apps[0]!, "pull_request", pullRequestPayload("opened", pull), deliveryId())).toBe(202);
    await settled(number, pull.headSha, "502 after apply");
    const posts = cluster.fake.calls.filter(
      (call) => call.route === CREATE_REVIEW && (call.body as { commit_id?: string }).commit_id === pull.headSha,
    );
    expect(posts.map((call) => call.status)).toEqual([502]);
    expect(reviewsOf(number)).toHaveLength(1);
    const inline = repo().reviewComments.filter((comment) => comment.pull === number);
    expect(new Set(inline.map((comment) => `${comment.path}:${comment.line}:${comment.body}`)).size).toBe(
      inline.length,
    );
    expect(commentsOf(number)).toHaveLength(1);
    expect(runsOf(pull.headSha)).toHaveLength(1);
    expect(runsOf(pull.headSha)[0]!.status).toBe("completed");
    expect(runsOf(pull.headSha)[0]!.output?.title).not.toMatch(/did not finish/);
  }, 90_000);

  it("a persistent 500 on the final check-run update: the run is still completed (neutral), none left in progress", async () => {
    const number = 4;
    const pull = cluster.fake.push(OWNER, REPO, number, { "src/todos.js": BUGGY_TODOS });
    const runIds = new Set<number>();
    // The update carrying the review's result (any conclusion but the small neutral fallback).
    const carriesResult = (body: unknown) => {
      const conclusion = (body as { conclusion?: string }).conclusion;
      return conclusion !== undefined && conclusion !== "neutral";
    };
    cluster.fake.fail({ route: UPDATE_CHECK, status: 500, times: Number.POSITIVE_INFINITY, match: carriesResult });
    try {
      expect(await deliver(cluster.apps[1]!, "pull_request", pullRequestPayload("opened", pull), deliveryId())).toBe(
        202,
      );
      await settled(number, pull.headSha, "persistent 500");
    } finally {
      // The fault matches any run's failing result: take it away for the next test.
      cluster.fake.clearFaults();
      for (const run of runsOf(pull.headSha)) runIds.add(run.id);
    }
    expect(runIds.size).toBe(1);
    expect(runsOf(pull.headSha)[0]).toMatchObject({ status: "completed", conclusion: "neutral" });
    const updates = cluster.fake.calls.filter(
      (call) => call.route === UPDATE_CHECK && call.path.endsWith(`/${[...runIds][0]}`),
    );
    expect(updates.filter((call) => call.status === 500).length).toBeGreaterThanOrEqual(2);
    expect(updates.at(-1)!.status).toBe(200);
    expect(reviewsOf(number)).toHaveLength(1);
  }, 90_000);

  it("SIGKILL of the process running a review: another finishes it, one review, no run left in progress", async () => {
    const number = 2;
    const pull = cluster.fake.push(OWNER, REPO, number, { "src/todos.js": BUGGY_TODOS });
    // The review stops at its first GraphQL read (after the check run exists) until released.
    const hold = cluster.fake.hold("POST /graphql");
    const reviewsBefore = reviewsOf(number).length;
    expect(await deliver(cluster.apps[0]!, "pull_request", pullRequestPayload("opened", pull), deliveryId())).toBe(202);
    await hold.reached;
    const everyone = cluster.all();
    await until(
      () => everyone.some((process) => logged(process, "apprentice: review started", (log) => log.pull === number)),
      10000,
      "the review started somewhere",
    );
    const running = everyone.find((process) =>
      logged(process, "apprentice: review started", (log) => log.pull === number),
    )!;
    running.child.kill("SIGKILL");
    await running.exited;
    hold.release();
    await settled(number, pull.headSha, "after SIGKILL");
    const finisher = everyone.find(
      (process) =>
        process !== running &&
        logged(process, "apprentice: review finished", (log) => log.pull === number && log.outcome === "published"),
    );
    expect(finisher).toBeDefined();
    const runs = runsOf(pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.status).toBe("completed");
    expect(runs[0]!.output?.title).not.toMatch(/did not finish|Superseded/);
    expect(reviewsOf(number).length - reviewsBefore).toBe(1);
    expect(commentsOf(number)).toHaveLength(1);
    expect(repo().checkRuns.filter((run) => run.status !== "completed")).toEqual([]);
    expect(cluster.fake.violations).toEqual([]);
  }, 90_000);
});
