import { describe, expect, it } from "vitest";
import { hasPostgresCode, UNIQUE_VIOLATION } from "../../src/db/postgres-error.js";

describe("hasPostgresCode", () => {
  it("recognises a database error by its SQLSTATE code", () => {
    expect(hasPostgresCode(Object.assign(new Error("duplicate key"), { code: "23505" }), UNIQUE_VIOLATION)).toBe(true);
  });

  it("is false for other codes and for values that are not errors", () => {
    expect(hasPostgresCode(Object.assign(new Error("fk"), { code: "23503" }), UNIQUE_VIOLATION)).toBe(false);
    expect(hasPostgresCode(new Error("plain"), UNIQUE_VIOLATION)).toBe(false);
    expect(hasPostgresCode("23505", UNIQUE_VIOLATION)).toBe(false);
    expect(hasPostgresCode(null, UNIQUE_VIOLATION)).toBe(false);
  });
});
