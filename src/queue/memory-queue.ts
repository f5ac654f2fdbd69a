import { randomUUID } from "node:crypto";
import { BoundedSet } from "./bounded-set.js";
import type { CommandJobData } from "./command-job.js";
import type { JobQueue, OpenCheckRun, QueuedReview } from "./job-queue.js";
import { contentKey, pullKey, type EnqueueResult, type ReviewJobData } from "./review-job.js";

/**
 * The queue without Redis, for one process: the same interface and rules as the BullMQ queue (one job
 * per pull request, newest head wins, dedupe by delivery id and content), kept in memory. Nothing
 * survives a restart; run with `REDIS_URL` for crash recovery and several processes.
 */
export class MemoryQueue implements JobQueue {
  readonly kind = "memory" as const;
  readonly #deliveries = new BoundedSet();
  readonly #contents = new BoundedSet();
  readonly #newest = new Map<string, string>();
  readonly #waiting = new Map<string, QueuedReview>();
  readonly #running = new Set<string>();
  readonly #open = new Map<number, OpenCheckRun>();
  readonly #idle: (() => void)[] = [];
  #handler: ((job: QueuedReview) => Promise<void>) | undefined;
  readonly #commands: CommandJobData[] = [];
  #commandHandler: ((data: CommandJobData) => Promise<void>) | undefined;
  #commandConcurrency = 1;
  #commandsRunning = 0;
  #concurrency = 1;
  #closed = false;

  async enqueue(deliveryId: string, data: ReviewJobData): Promise<EnqueueResult> {
    if (!this.#deliveries.add(deliveryId)) return "duplicate-delivery";
    if (!this.#contents.add(contentKey(data))) return "duplicate-content";
    const key = pullKey(data.pr);
    const token = randomUUID();
    this.#newest.set(key, token);
    const job: QueuedReview = {
      data: { ...data },
      token,
      setCheckRunId: async (id) => void (job.data.checkRunId = id),
    };
    this.#waiting.delete(key);
    this.#waiting.set(key, job);
    this.#pump();
    return "queued";
  }

  process(handler: (job: QueuedReview) => Promise<void>, concurrency: number): void {
    this.#handler = handler;
    this.#concurrency = Math.max(1, concurrency);
    this.#pump();
  }

  async enqueueCommand(deliveryId: string, data: CommandJobData): Promise<"queued" | "duplicate-delivery"> {
    if (!this.#deliveries.add(deliveryId)) return "duplicate-delivery";
    this.#commands.push(structuredClone(data));
    this.#pumpCommands();
    return "queued";
  }

  processCommands(handler: (data: CommandJobData) => Promise<void>, concurrency: number): void {
    this.#commandHandler = handler;
    this.#commandConcurrency = Math.max(1, concurrency);
    this.#pumpCommands();
  }

  async newest(key: string): Promise<string | undefined> {
    return this.#newest.get(key);
  }

  async busy(key: string): Promise<boolean> {
    return this.#waiting.has(key) || this.#running.has(key);
  }

  async depth(): Promise<number> {
    return this.#waiting.size + this.#running.size + this.#commands.length + this.#commandsRunning;
  }

  async ping(): Promise<boolean> {
    return !this.#closed;
  }

  async trackCheckRun(run: OpenCheckRun): Promise<void> {
    this.#open.set(run.checkRunId, run);
  }

  async untrackCheckRun(checkRunId: number): Promise<void> {
    this.#open.delete(checkRunId);
  }

  async openCheckRuns(): Promise<OpenCheckRun[]> {
    return [...this.#open.values()];
  }

  /** Resolves once nothing is waiting or running (tests and the benchmark wait here). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#waiting.clear();
    this.#commands.length = 0;
    await new Promise<void>((resolve) =>
      this.#running.size === 0 && this.#commandsRunning === 0 ? resolve() : this.#idle.push(resolve),
    );
  }

  #isIdle(): boolean {
    return (
      this.#waiting.size === 0 && this.#running.size === 0 && this.#commands.length === 0 && this.#commandsRunning === 0
    );
  }

  #settle(): void {
    if (this.#isIdle() || (this.#closed && this.#running.size === 0 && this.#commandsRunning === 0))
      for (const resolve of this.#idle.splice(0)) resolve();
  }

  #pumpCommands(): void {
    const handler = this.#commandHandler;
    if (!handler || this.#closed) return;
    while (this.#commandsRunning < this.#commandConcurrency && this.#commands.length > 0) {
      const data = this.#commands.shift()!;
      this.#commandsRunning += 1;
      void handler(data)
        .catch(() => undefined)
        .finally(() => {
          this.#commandsRunning -= 1;
          this.#pumpCommands();
          this.#settle();
        });
    }
  }

  #pump(): void {
    if (!this.#handler || this.#closed) return;
    for (const [key, job] of this.#waiting) {
      if (this.#running.size >= this.#concurrency) break;
      if (this.#running.has(key)) continue;
      this.#waiting.delete(key);
      this.#running.add(key);
      void this.#handler(job)
        .catch(() => undefined)
        .finally(() => {
          this.#running.delete(key);
          if (!this.#waiting.has(key) && this.#newest.get(key) === job.token) this.#newest.delete(key);
          this.#pump();
          this.#settle();
        });
    }
  }
}
