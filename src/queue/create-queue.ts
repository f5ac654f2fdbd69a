import type { JobQueue } from "./job-queue.js";
import { MemoryQueue } from "./memory-queue.js";
import { RedisQueue, type RedisQueueOptions } from "./redis-queue.js";

/** BullMQ on Redis when `REDIS_URL` is set; otherwise the in-process queue. */
export function createQueue(
  env: NodeJS.ProcessEnv = process.env,
  options: Omit<RedisQueueOptions, "url"> = {},
): JobQueue {
  const url = env.REDIS_URL;
  if (!url) return new MemoryQueue();
  return new RedisQueue({
    ...options,
    url,
    ...(env.APPRENTICE_QUEUE_PREFIX ? { prefix: env.APPRENTICE_QUEUE_PREFIX } : {}),
  });
}
