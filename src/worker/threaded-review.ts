import { Worker } from "node:worker_threads";
import type { ReviewInput, ReviewResult } from "../contract/types.js";

interface Pending {
  resolve: (result: ReviewResult) => void;
  reject: (error: Error) => void;
}

/**
 * The engine thread: compiled JavaScript in `dist/`; from source (the demo, tests, the benchmark) the
 * TypeScript file is loaded through tsx's API, since Node 20 does not pass `--import` loaders to threads.
 */
function startThread(): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./engine-thread.js", import.meta.url));
  const file = new URL("./engine-thread.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((api) => api.tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true });
}

/**
 * Runs the review engine off the main thread: `threads` warm worker threads (each keeps its ESLint
 * Linter warm), reviews handed to whichever is free. A thread that dies is replaced and its review
 * fails with the reason, so the check run says what happened.
 */
export class ThreadedReview {
  readonly #idle: Worker[] = [];
  readonly #waiting: { input: ReviewInput; pending: Pending }[] = [];
  readonly #busy = new Map<Worker, Pending>();
  #closed = false;

  constructor(readonly threads = 1) {
    for (let index = 0; index < threads; index += 1) this.#idle.push(this.#spawn());
  }

  review(input: ReviewInput): Promise<ReviewResult> {
    if (this.#closed) return Promise.reject(new Error("the review engine threads are closed"));
    return new Promise((resolve, reject) => {
      this.#waiting.push({ input, pending: { resolve, reject } });
      this.#next();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#idle, ...this.#busy.keys()].map((worker) => worker.terminate()));
  }

  #spawn(): Worker {
    const worker = startThread();
    worker.unref();
    worker.on("message", (message: { result?: ReviewResult; error?: string }) => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#idle.push(worker);
      if (message.error !== undefined) pending?.reject(new Error(message.error.split("\n")[0]));
      else pending?.resolve(message.result!);
      this.#next();
    });
    worker.on("error", (error) => this.#lost(worker, error));
    worker.on("exit", (code) => this.#lost(worker, new Error(`the review engine thread stopped (exit code ${code})`)));
    return worker;
  }

  #lost(worker: Worker, error: Error): void {
    const pending = this.#busy.get(worker);
    this.#busy.delete(worker);
    const index = this.#idle.indexOf(worker);
    if (index >= 0) this.#idle.splice(index, 1);
    if (!pending && index < 0) return;
    pending?.reject(error);
    if (!this.#closed) {
      this.#idle.push(this.#spawn());
      this.#next();
    }
  }

  #next(): void {
    while (this.#idle.length > 0 && this.#waiting.length > 0) {
      const worker = this.#idle.shift()!;
      const { input, pending } = this.#waiting.shift()!;
      this.#busy.set(worker, pending);
      worker.postMessage({ id: 0, input });
    }
  }
}
