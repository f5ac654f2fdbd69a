import type { CommandJobData } from "./command-job.js";
import type { EnqueueResult, ReviewJobData } from "./review-job.js";

/** A job as a worker sees it. */
export interface QueuedReview {
  data: ReviewJobData;
  /** Identifies this request among the requests for the same pull request; the newest one is current. */
  token: string;
  /** Records the check run on the job, so a retry elsewhere completes the same run. */
  setCheckRunId(checkRunId: number): Promise<void>;
}

/** A check run Apprentice left in progress, for the recovery sweep. */
export interface OpenCheckRun {
  checkRunId: number;
  installationId: number;
  owner: string;
  repo: string;
  startedAt: number;
  /** The pull request's queue key, to ask whether a job for it is still waiting or running. */
  key: string;
}

/**
 * The review queue, in two implementations with this one interface: BullMQ on Redis (`REDIS_URL`),
 * shared by every process and machine, and an in-process queue for one machine without Redis.
 * One job per pull request: a newer head replaces a waiting older job, and `newest(key)` tells a
 * running older job to stop. Deliveries are deduplicated by id and by content (`contentKey`).
 */
export interface JobQueue {
  readonly kind: "redis" | "memory";
  enqueue(deliveryId: string, data: ReviewJobData): Promise<EnqueueResult>;
  /** Starts `concurrency` workers that call `handler` for each job. */
  process(handler: (job: QueuedReview) => Promise<void>, concurrency: number): void;
  /** Queues the answer to an `/apprentice` comment; a delivery seen before is dropped. */
  enqueueCommand(deliveryId: string, data: CommandJobData): Promise<"queued" | "duplicate-delivery">;
  /** Starts `concurrency` workers that answer queued commands, first in first out. */
  processCommands(handler: (data: CommandJobData) => Promise<void>, concurrency: number): void;
  /** The token of the newest request for a pull request, or undefined when none is known. */
  newest(key: string): Promise<string | undefined>;
  /** True while a job for `key` is waiting or running. */
  busy(key: string): Promise<boolean>;
  /** Jobs waiting or running. */
  depth(): Promise<number>;
  ping(): Promise<boolean>;
  trackCheckRun(run: OpenCheckRun): Promise<void>;
  untrackCheckRun(checkRunId: number): Promise<void>;
  openCheckRuns(): Promise<OpenCheckRun[]>;
  close(): Promise<void>;
}
