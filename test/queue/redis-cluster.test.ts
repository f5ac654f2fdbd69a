import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryId, OWNER, pullRequestPayload, REPO } from "../app/support/harness.js";
import { BUGGY_TODOS, CLEAN_USERS, FIXED_DEBUGGER } from "../app/support/learner-code.js";
import { deliver, redisAnswers, REDIS_URL, startCluster, until, type Cluster } from "./app-processes.js";

const redis = await redisAnswers();
if (!redis) console.warn(`Redis is not answering on ${REDIS_URL}: the multi-process queue tests are skipped (the in-process queue's tests still run). Start it with: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);

let cluster: Cluster;
let pullNumber = 0;

function repo() {
  return cluster.fake.repo(OWNER, REPO);
}

/**
 * Opt-in until the spawned processes start reliably: on the project's loaded 2-core machine they did not
 * report "listening" within 60 s (see the note on issue 9). APPRENTICE_TEST_CLUSTER=1 runs them.
 */
const clusterWanted = process.env.APPRENTICE_TEST_CLUSTER === "1";
if (redis && !clusterWanted) console.warn("The multi-process Redis queue tests are opt-in for now: set APPRENTICE_TEST_CLUSTER=1 to run them.");

describe.skipIf(!redis || !clusterWanted)("two App processes and a worker on one Redis queue", () => {
  beforeAll(async () => {
    cluster = await startCluster(2);
    cluster.fake.addRepo(OWNER, REPO, { "README.md": "# Todo API\n", "src/app.js": "export const app = 1;\n" });
  }, 120000);
  afterAll(async () => cluster?.close());

  it("the same delivery sent to both Apps is reviewed once", async () => {
    pullNumber = 1;
    const pull = cluster.fake.push(OWNER, REPO, pullNumber, { "src/todos.js": BUGGY_TODOS });
    const payload = pullRequestPayload("opened", pull);
    const id = deliveryId();
    const statuses = await Promise.all(cluster.apps.map((app) => deliver(app, "pull_request", payload, id)));
    expect(statuses).toEqual([202, 202]);
    await until(() => repo().checkRuns.some((run) => run.headSha === pull.headSha && run.status === "completed"), 60000, "a completed check run");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(repo().checkRuns.filter((run) => run.headSha === pull.headSha)).toHaveLength(1);
    expect(repo().reviews).toHaveLength(1);
    expect(repo().issueComments).toHaveLength(1);
  }, 90000);

  it("a replayed body under a new delivery id does nothing", async () => {
    const pull = repo().pulls.get(1)!;
    const before = { runs: repo().checkRuns.length, calls: cluster.fake.calls.length };
    const status = await deliver(cluster.apps[1]!, "pull_request", pullRequestPayload("opened", pull), deliveryId());
    expect(status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(repo().checkRuns).toHaveLength(before.runs);
    expect(cluster.fake.calls.slice(before.calls).filter((call) => call.write)).toEqual([]);
  }, 30000);

  it("synchronize pushes alternating between the Apps: the newest head is reviewed and no run stays in progress", async () => {
    const heads: string[] = [];
    const sources = [FIXED_DEBUGGER, CLEAN_USERS, BUGGY_TODOS, FIXED_DEBUGGER];
    for (const [index, source] of sources.entries()) {
      const pull = cluster.fake.push(OWNER, REPO, 1, { "src/todos.js": source });
      heads.push(pull.headSha);
      expect(await deliver(cluster.apps[index % 2]!, "pull_request", pullRequestPayload("synchronize", pull), deliveryId())).toBe(202);
    }
    const last = heads.at(-1)!;
    await until(() => repo().checkRuns.some((run) => run.headSha === last && run.status === "completed"), 60000, "the newest head's check run");
    await until(() => repo().checkRuns.every((run) => run.status === "completed"), 30000, "every check run completed");
    const lastRuns = repo().checkRuns.filter((run) => run.headSha === last);
    expect(lastRuns).toHaveLength(1);
    expect(lastRuns[0]!.output?.title).not.toMatch(/Superseded/);
    for (const run of repo().checkRuns.filter((candidate) => heads.slice(0, -1).includes(candidate.headSha))) {
      expect(run.output?.title).toMatch(/Superseded/);
    }
    expect(repo().issueComments).toHaveLength(1);
    expect(repo().issueComments[0]!.body).toContain(last.slice(0, 7));
  }, 90000);

  it("SIGKILL of the process running a review: another finishes it, one review, no run left in progress", async () => {
    const number = 2;
    const pull = cluster.fake.push(OWNER, REPO, number, { "src/todos.js": BUGGY_TODOS });
    const hold = cluster.fake.hold("POST /graphql");
    const reviewsBefore = repo().reviews.length;
    expect(await deliver(cluster.apps[0]!, "pull_request", pullRequestPayload("opened", pull), deliveryId())).toBe(202);
    await hold.reached;
    const everyone = [...cluster.apps, cluster.worker];
    const running = everyone.find((candidate) => candidate.logs.some((log) => log.msg === "apprentice: review started" && log.pull === number));
    expect(running).toBeDefined();
    running!.child.kill("SIGKILL");
    hold.release();
    await until(() => repo().checkRuns.some((run) => run.headSha === pull.headSha && run.status === "completed"), 60000, "the check run completed by another process");
    const runs = repo().checkRuns.filter((run) => run.headSha === pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.output?.title).not.toMatch(/did not finish|Superseded/);
    expect(repo().reviews.length - reviewsBefore).toBe(1);
    expect(repo().checkRuns.filter((run) => run.status !== "completed")).toEqual([]);
    const finisher = everyone.find((candidate) => candidate !== running && candidate.logs.some((log) => log.msg === "apprentice: review finished" && log.pull === number));
    expect(finisher).toBeDefined();
  }, 90000);
});
