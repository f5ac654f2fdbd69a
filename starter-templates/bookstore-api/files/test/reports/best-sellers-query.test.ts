import { describe, expect, it } from "vitest";
import { bestSellersParams, bestSellersQuerySchema, MAX_REPORT_MONTHS, reportRange } from "../../src/reports/best-sellers-query.js";

describe("bestSellersQuerySchema", () => {
  it("accepts a month range and defaults to the top 5", () => {
    expect(bestSellersQuerySchema.parse({ from: "2025-01", to: "2025-03" })).toEqual({ from: "2025-01", to: "2025-03", top: 5 });
  });

  it("rejects malformed months, reversed ranges and ranges that are too long", () => {
    expect(bestSellersQuerySchema.safeParse({ from: "2025-13", to: "2025-12" }).success).toBe(false);
    expect(bestSellersQuerySchema.safeParse({ from: "2025-03", to: "2025-01" }).success).toBe(false);
    expect(bestSellersQuerySchema.safeParse({ from: "2020-01", to: "2025-01" }).success).toBe(false);
    expect(bestSellersQuerySchema.safeParse({ from: "2023-01", to: "2025-12" }).success).toBe(MAX_REPORT_MONTHS > 35);
  });
});

describe("reportRange", () => {
  it("runs from the first instant of the first month to the first instant after the last month", () => {
    expect(reportRange({ from: "2025-01", to: "2025-03" })).toEqual({
      start: "2025-01-01T00:00:00Z",
      end: "2025-04-01T00:00:00.000Z",
    });
  });

  it("crosses the year boundary", () => {
    expect(reportRange({ from: "2024-12", to: "2024-12" }).end).toBe("2025-01-01T00:00:00.000Z");
  });
});

describe("bestSellersParams", () => {
  it("passes start, end and top as parameters", () => {
    expect(bestSellersParams({ from: "2025-02", to: "2025-02", top: 3 })).toEqual([
      "2025-02-01T00:00:00Z",
      "2025-03-01T00:00:00.000Z",
      3,
    ]);
  });
});
