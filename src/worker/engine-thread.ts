/**
 * The review engine in a worker thread: answers `{ id, input }` with `{ id, result }` or `{ id, error }`.
 * Linting hundreds of files takes seconds of CPU; here it never blocks the webhook server or the
 * worker's own timers (BullMQ's lock renewal, the supersede poll).
 */
import { parentPort } from "node:worker_threads";
import { checksById } from "../checks/registry.js";
import { review } from "../review/review.js";
import type { ReviewInput } from "../contract/types.js";

parentPort?.on("message", (message: { id: number; input: ReviewInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: review(message.input, { registry: checksById }) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});
