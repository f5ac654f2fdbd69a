import { describe, expect, it } from "vitest";
import { idParamsSchema } from "../../src/http/id-params-schema.js";

describe("idParamsSchema", () => {
  it("turns a path segment into a number", () => {
    expect(idParamsSchema.parse({ id: "42" })).toEqual({ id: 42 });
  });

  it("rejects ids that are not positive integers or do not fit an integer column", () => {
    for (const id of ["0", "-3", "1.5", "abc", "1 OR 1=1", "2147483648"]) {
      expect(idParamsSchema.safeParse({ id }).success, id).toBe(false);
    }
  });
});
