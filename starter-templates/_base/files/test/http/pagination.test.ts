import { describe, expect, it } from "vitest";
import { MAX_PAGE_SIZE, pageOf, paginationSchema } from "../../src/http/pagination.js";

describe("paginationSchema", () => {
  it("defaults to the first 20 rows and converts query strings", () => {
    expect(paginationSchema.parse({})).toEqual({ limit: 20, offset: 0 });
    expect(paginationSchema.parse({ limit: "5", offset: "15" })).toEqual({ limit: 5, offset: 15 });
  });

  it("rejects a page larger than the maximum, a negative offset and unknown parameters", () => {
    expect(paginationSchema.safeParse({ limit: String(MAX_PAGE_SIZE + 1) }).success).toBe(false);
    expect(paginationSchema.safeParse({ offset: "-1" }).success).toBe(false);
    expect(paginationSchema.safeParse({ page: "2" }).success).toBe(false);
  });
});

describe("pageOf", () => {
  it("wraps rows with the paging information", () => {
    expect(pageOf(["a"], { limit: 1, offset: 2 }, 7)).toEqual({ data: ["a"], page: { limit: 1, offset: 2, total: 7 } });
  });
});
