import { describe, expect, it } from "vitest";
import type { QueuedReview } from "../../src/queue/job-queue.js";
import { MemoryQueue } from "../../src/queue/memory-queue.js";
import { pullKey, type ReviewJobData } from "../../src/queue/review-job.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

function job(number: number, headSha: string, trigger = "synchronize"): ReviewJobData {
  return {
    installationId: 1,
    pr: { owner: "o", repo: "r", number, headSha, baseSha: "base" },
    trigger,
    respectDrafts: true,
  };
}

let delivery = 0;
const id = () => `delivery-${(delivery += 1)}`;

describe("MemoryQueue (the in-process queue, same interface as the Redis one)", () => {
  it("a newer head supersedes the running review: the queue's newest token is no longer the running job's", async () => {
    const queue = new MemoryQueue();
    const gate = deferred();
    const seen: string[] = [];
    let first: QueuedReview | undefined;
    queue.process(async (queued) => {
      if (queued.data.pr.headSha === "a") {
        first = queued;
        seen.push("first started");
        await gate.promise;
      }
      const current = (await queue.newest(pullKey(queued.data.pr))) === queued.token;
      seen.push(`${queued.data.pr.headSha} ${current ? "publishes" : "stops"}`);
    }, 2);
    await queue.enqueue(id(), job(1, "a"));
    await queue.enqueue(id(), job(1, "b"));
    expect(first).toBeDefined();
    expect(await queue.newest("o/r#1")).not.toBe(first!.token);
    gate.resolve();
    await queue.idle();
    expect(seen).toEqual(["first started", "a stops", "b publishes"]);
  });

  it("a waiting job is replaced by a newer head, and other pull requests are independent", async () => {
    const queue = new MemoryQueue();
    const gate = deferred();
    const ran: string[] = [];
    queue.process(async (queued) => {
      ran.push(`${queued.data.pr.number}${queued.data.pr.headSha}`);
      if (queued.data.pr.headSha === "a") await gate.promise;
    }, 2);
    await queue.enqueue(id(), job(1, "a"));
    await queue.enqueue(id(), job(1, "b"));
    await queue.enqueue(id(), job(1, "c"));
    expect(await queue.depth()).toBe(2);
    await queue.enqueue(id(), job(2, "x"));
    gate.resolve();
    await queue.idle();
    expect(ran).toEqual(["1a", "2x", "1c"]);
  });

  it("a failing job does not block the next one", async () => {
    const queue = new MemoryQueue();
    const ran: string[] = [];
    queue.process(async (queued) => {
      ran.push(queued.data.pr.headSha);
      if (queued.data.pr.headSha === "a") throw new Error("boom");
    }, 1);
    await queue.enqueue(id(), job(1, "a"));
    await queue.idle();
    await queue.enqueue(id(), job(1, "b"));
    await queue.idle();
    expect(ran).toEqual(["a", "b"]);
  });

  it("drops a delivery id seen before, and the same request under a new delivery id", async () => {
    const queue = new MemoryQueue();
    expect(await queue.enqueue("same", job(1, "a"))).toBe("queued");
    expect(await queue.enqueue("same", job(1, "b"))).toBe("duplicate-delivery");
    expect(await queue.enqueue("other", job(1, "a"))).toBe("duplicate-content");
    expect(await queue.enqueue("third", job(1, "a", "rerun:5"))).toBe("queued");
  });

  it("remembers the check runs still in progress until they are untracked", async () => {
    const queue = new MemoryQueue();
    await queue.trackCheckRun({ checkRunId: 9, installationId: 1, owner: "o", repo: "r", startedAt: 1, key: "o/r#1" });
    expect((await queue.openCheckRuns()).map((run) => run.checkRunId)).toEqual([9]);
    await queue.untrackCheckRun(9);
    expect(await queue.openCheckRuns()).toEqual([]);
  });
});
