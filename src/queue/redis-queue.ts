import { createHash } from "node:crypto";
import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { CommandJobData } from "./command-job.js";
import type { JobQueue, OpenCheckRun, QueuedReview } from "./job-queue.js";
import { contentKey, pullKey, type EnqueueResult, type ReviewJobData } from "./review-job.js";

export interface RedisQueueOptions {
  url: string;
  /** Namespaces every key (BullMQ's and Apprentice's); tests use a unique one per run. */
  prefix?: string;
  /** How long deliveries and contents are remembered for dedupe (seconds, default one day). */
  dedupeSeconds?: number;
  /** BullMQ's lock on a running job; a job whose worker died is taken over after about this long (ms). */
  lockDuration?: number;
  stalledInterval?: number;
}

const QUEUE = "reviews";
const COMMANDS = "commands";
const WAITING_STATES = new Set(["waiting", "active", "delayed", "prioritized", "waiting-children"]);

/**
 * The review queue on BullMQ and Redis, shared by every App and worker process. BullMQ brings the
 * distributed parts: atomic job moves, locks with stalled-job recovery (a job whose worker died goes
 * back to the queue), retries with backoff. Apprentice adds dedupe keys (`SET NX EX`), one key per
 * pull request holding the newest request's token (workers compare it between steps), and a hash of
 * the check runs still in progress, for the recovery sweep.
 */
export class RedisQueue implements JobQueue {
  readonly kind = "redis" as const;
  readonly #redis: Redis;
  readonly #queue: Queue<ReviewJobData>;
  readonly #commands: Queue<CommandJobData>;
  readonly #workers: Worker[] = [];
  readonly #prefix: string;

  constructor(readonly options: RedisQueueOptions) {
    this.#prefix = options.prefix ?? "apprentice";
    this.#redis = new Redis(options.url, { maxRetriesPerRequest: null, lazyConnect: false });
    this.#redis.on("error", () => undefined);
    this.#queue = new Queue<ReviewJobData>(QUEUE, { connection: this.#redis, prefix: this.#prefix });
    this.#commands = new Queue<CommandJobData>(COMMANDS, { connection: this.#redis, prefix: this.#prefix });
  }

  #key(...parts: string[]): string {
    return [this.#prefix, "apprentice", ...parts].join(":");
  }

  async enqueue(deliveryId: string, data: ReviewJobData): Promise<EnqueueResult> {
    const ttl = this.options.dedupeSeconds ?? 86400;
    if ((await this.#redis.set(this.#key("delivery", deliveryId), "1", "EX", ttl, "NX")) === null)
      return "duplicate-delivery";
    const content = contentKey(data);
    if ((await this.#redis.set(this.#key("content", content), "1", "EX", ttl, "NX")) === null)
      return "duplicate-content";
    const key = pullKey(data.pr);
    const token = createHash("sha256").update(`${content}\n${deliveryId}`).digest("hex").slice(0, 32);
    const previous = await this.#redis.getset(this.#key("newest", key), token);
    await this.#redis.expire(this.#key("newest", key), ttl);
    if (previous) {
      // The older request, if still waiting, is dropped; if it runs, it sees it is no longer newest.
      const older = await this.#queue.getJob(previous);
      if (older && (await older.getState()) !== "active") await older.remove().catch(() => undefined);
    }
    await this.#queue.add("review", data, {
      jobId: token,
      attempts: 3,
      backoff: { type: "exponential", delay: 2000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 86400 },
    });
    return "queued";
  }

  process(handler: (job: QueuedReview) => Promise<void>, concurrency: number): void {
    const worker = new Worker<ReviewJobData>(
      QUEUE,
      async (job: Job<ReviewJobData>) =>
        handler({
          data: job.data,
          token: job.id ?? "",
          setCheckRunId: async (checkRunId) => {
            await job.updateData({ ...job.data, checkRunId });
          },
        }),
      {
        connection: this.#redis,
        prefix: this.#prefix,
        concurrency: Math.max(1, concurrency),
        lockDuration: this.options.lockDuration ?? 60000,
        stalledInterval: this.options.stalledInterval ?? 30000,
        maxStalledCount: 2,
      },
    );
    worker.on("error", () => undefined);
    this.#workers.push(worker);
  }

  async enqueueCommand(deliveryId: string, data: CommandJobData): Promise<"queued" | "duplicate-delivery"> {
    const ttl = this.options.dedupeSeconds ?? 86400;
    if ((await this.#redis.set(this.#key("delivery", deliveryId), "1", "EX", ttl, "NX")) === null)
      return "duplicate-delivery";
    // The job id is the delivery's, so a retried add after a lost answer is one job, not two.
    // One attempt: a reply is a comment, and a blind second attempt after an error could post it twice.
    // A job whose worker died is still taken over (BullMQ's stalled-job recovery).
    await this.#commands.add("command", data, {
      jobId: `command-${createHash("sha256").update(deliveryId).digest("hex").slice(0, 32)}`,
      attempts: 1,
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: { age: 86400 },
    });
    return "queued";
  }

  processCommands(handler: (data: CommandJobData) => Promise<void>, concurrency: number): void {
    const worker = new Worker<CommandJobData>(COMMANDS, async (job: Job<CommandJobData>) => handler(job.data), {
      connection: this.#redis,
      prefix: this.#prefix,
      concurrency: Math.max(1, concurrency),
      lockDuration: this.options.lockDuration ?? 60000,
      stalledInterval: this.options.stalledInterval ?? 30000,
      maxStalledCount: 2,
    });
    worker.on("error", () => undefined);
    this.#workers.push(worker);
  }

  async newest(key: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#key("newest", key))) ?? undefined;
  }

  async busy(key: string): Promise<boolean> {
    const token = await this.newest(key);
    if (!token) return false;
    const job = await this.#queue.getJob(token);
    return job !== undefined && WAITING_STATES.has(await job.getState());
  }

  async depth(): Promise<number> {
    const states = ["waiting", "active", "delayed", "prioritized"] as const;
    const counts = [await this.#queue.getJobCounts(...states), await this.#commands.getJobCounts(...states)];
    return counts.flatMap((count) => Object.values(count)).reduce((sum, count) => sum + count, 0);
  }

  async ping(): Promise<boolean> {
    return this.#redis
      .ping()
      .then((answer) => answer === "PONG")
      .catch(() => false);
  }

  async trackCheckRun(run: OpenCheckRun): Promise<void> {
    await this.#redis.hset(this.#key("open-check-runs"), String(run.checkRunId), JSON.stringify(run));
  }

  async untrackCheckRun(checkRunId: number): Promise<void> {
    await this.#redis.hdel(this.#key("open-check-runs"), String(checkRunId));
  }

  async openCheckRuns(): Promise<OpenCheckRun[]> {
    const all = await this.#redis.hgetall(this.#key("open-check-runs"));
    return Object.values(all).map((text) => JSON.parse(text) as OpenCheckRun);
  }

  /** Deletes every key under this queue's prefix (tests clean up with it). */
  async obliterate(): Promise<void> {
    const keys = await this.#redis.keys(`${this.#prefix}:*`);
    if (keys.length > 0) await this.#redis.del(...keys);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((worker) => worker.close()));
    await this.#queue.close();
    await this.#commands.close();
    await this.#redis.quit().catch(() => undefined);
  }
}
