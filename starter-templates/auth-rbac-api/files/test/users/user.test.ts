import { describe, expect, it } from "vitest";
import { ROLES, type StoredUser, toPublicUser } from "../../src/users/user.js";

describe("toPublicUser", () => {
  it("keeps what the API shows and drops the password hash", () => {
    const stored: StoredUser = {
      id: "u1",
      email: "ada@example.com",
      role: "admin",
      createdAt: "2026-01-01T00:00:00.000Z",
      passwordHash: "$2b$12$abcdefghijklmnopqrstuv",
    };
    expect(toPublicUser(stored)).toEqual({ id: "u1", email: "ada@example.com", role: "admin", createdAt: "2026-01-01T00:00:00.000Z" });
    expect(toPublicUser(stored)).not.toHaveProperty("passwordHash");
  });

  it("knows exactly two roles", () => {
    expect(ROLES).toEqual(["user", "admin"]);
  });
});
