import { describe, expect, it } from "vitest";
import { ReviewQueue, type ReviewTicket } from "../../src/app/review-queue.js";

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe("ReviewQueue", () => {
  it("a newer review supersedes the running one: its ticket stops being current and its signal aborts", async () => {
    const queue = new ReviewQueue();
    const gate = deferred();
    const seen: string[] = [];
    let firstTicket: ReviewTicket | undefined;
    const first = queue.enqueue("o/r#1", async (ticket) => {
      firstTicket = ticket;
      seen.push("first started");
      await gate.promise;
      seen.push(ticket.isCurrent() ? "first publishes" : "first stops");
    });
    await Promise.resolve();
    const second = queue.enqueue("o/r#1", async (ticket) => {
      seen.push(ticket.isCurrent() ? "second publishes" : "second stops");
    });
    expect(firstTicket?.signal.aborted).toBe(true);
    gate.resolve();
    await Promise.all([first, second]);
    expect(seen).toEqual(["first started", "first stops", "second publishes"]);
  });

  it("reviews queued behind a newer one never start, and other pull requests are independent", async () => {
    const queue = new ReviewQueue();
    const gate = deferred();
    const ran: string[] = [];
    const a = queue.enqueue("o/r#1", async () => {
      ran.push("a");
      await gate.promise;
    });
    await Promise.resolve();
    const b = queue.enqueue("o/r#1", async () => void ran.push("b"));
    const c = queue.enqueue("o/r#1", async () => void ran.push("c"));
    const other = queue.enqueue("o/r#2", async () => void ran.push("other"));
    await other;
    gate.resolve();
    await Promise.all([a, b, c]);
    expect(ran).toEqual(["a", "other", "c"]);
  });

  it("a failing review does not block the next one", async () => {
    const queue = new ReviewQueue();
    await expect(queue.enqueue("o/r#1", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    let ran = false;
    await queue.enqueue("o/r#1", async () => void (ran = true));
    expect(ran).toBe(true);
  });

  it("remembers delivery ids, bounded", () => {
    const queue = new ReviewQueue(2);
    expect(queue.firstDelivery("a")).toBe(true);
    expect(queue.firstDelivery("a")).toBe(false);
    queue.firstDelivery("b");
    queue.firstDelivery("c");
    expect(queue.firstDelivery("a")).toBe(true);
    expect(queue.firstDelivery("c")).toBe(false);
  });
});
