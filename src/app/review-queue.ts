/** What a queued review can ask while it runs. */
export interface ReviewTicket {
  /** False once a newer review for the same pull request was queued: stop, publish nothing. */
  isCurrent(): boolean;
  /** Aborted when a newer review supersedes this one. */
  signal: AbortSignal;
}

/**
 * Per pull request: reviews run one at a time, a newer push supersedes the review still running (it
 * stops at its next checkpoint and publishes nothing over the newer one), and reviews queued behind a
 * newer one never start. Also remembers recent webhook delivery ids so a redelivery runs once.
 */
export class ReviewQueue {
  readonly #deliveries = new Map<string, true>();
  readonly #latest = new Map<string, { token: number; controller: AbortController }>();
  readonly #tails = new Map<string, Promise<void>>();
  #counter = 0;

  constructor(readonly maxDeliveries = 5000) {}

  /** True the first time a delivery id is seen; false for a redelivery of the same webhook. */
  firstDelivery(deliveryId: string): boolean {
    if (this.#deliveries.has(deliveryId)) return false;
    this.#deliveries.set(deliveryId, true);
    if (this.#deliveries.size > this.maxDeliveries) {
      const [oldest] = this.#deliveries.keys();
      if (oldest !== undefined) this.#deliveries.delete(oldest);
    }
    return true;
  }

  /** Queues a review for `key` (owner/repo#number). Resolves when it ran or was skipped as superseded. */
  enqueue(key: string, job: (ticket: ReviewTicket) => Promise<void>): Promise<void> {
    this.#counter += 1;
    const token = this.#counter;
    this.#latest.get(key)?.controller.abort();
    const controller = new AbortController();
    this.#latest.set(key, { token, controller });
    const ticket: ReviewTicket = { isCurrent: () => this.#latest.get(key)?.token === token, signal: controller.signal };
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      if (ticket.isCurrent()) await job(ticket);
    });
    const tail = run.catch(() => undefined);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) {
        this.#tails.delete(key);
        if (ticket.isCurrent()) this.#latest.delete(key);
      }
    });
    return run;
  }
}
