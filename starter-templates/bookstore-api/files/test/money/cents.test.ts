import { describe, expect, it } from "vitest";
import { centsFromDb, totalCents } from "../../src/money/cents.js";

describe("centsFromDb", () => {
  it("returns an int8 amount exactly, up to Number.MAX_SAFE_INTEGER", () => {
    expect(centsFromDb("0")).toBe(0);
    expect(centsFromDb("5000000000")).toBe(5_000_000_000);
    expect(centsFromDb(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses an amount one past the largest exact number instead of rounding it", () => {
    expect(() => centsFromDb("9007199254740992")).toThrow(RangeError);
    expect(() => centsFromDb("9223372036854775807")).toThrow(/too large to return exactly/);
  });
});

describe("totalCents", () => {
  it("adds the lines without overflowing 32 bits or losing precision", () => {
    expect(totalCents([])).toBe(0n);
    expect(totalCents([{ quantity: 100, unitPriceCents: 2_147_483_647 }])).toBe(214_748_364_700n);
    expect(totalCents([{ quantity: 2, unitPriceCents: 1200 }, { quantity: 1, unitPriceCents: 99 }])).toBe(2499n);
  });
});
