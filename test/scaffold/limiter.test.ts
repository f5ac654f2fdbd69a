import { describe, expect, it } from "vitest";
import { createLimiter } from "./helpers/limiter.js";

describe("createLimiter", () => {
  it("runs at most the given number of tasks at once, the rest in queue order", async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (n: number) => async () => {
      started.push(n);
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return n;
    };
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => limit(task(n))))).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it("frees the slot of a task that fails and passes its error on", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(async () => "next")).toBe("next");
  });

  it("refuses a concurrency below 1", () => {
    expect(() => createLimiter(0)).toThrow(/at least 1/);
  });
});
