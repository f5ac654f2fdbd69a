import type { Response } from "express";
import { describe, expect, it } from "vitest";
import { currentUser, findCurrentUser, setCurrentUser } from "../../src/auth/current-user.js";
import type { PublicUser } from "../../src/users/user.js";

const user: PublicUser = { id: "u1", email: "ada@example.com", role: "user", createdAt: "2026-01-01T00:00:00.000Z" };
// Only the object's identity matters to these functions.
const newResponse = (): Response => ({}) as Response;

describe("current user", () => {
  it("returns the user stored for this response only", () => {
    const res = newResponse();
    setCurrentUser(res, user);
    expect(currentUser(res)).toBe(user);
    expect(findCurrentUser(res)).toBe(user);
    expect(findCurrentUser(newResponse())).toBeUndefined();
  });

  it("throws when a route without requireAuth asks for the user", () => {
    expect(() => currentUser(newResponse())).toThrow(/requireAuth/);
  });
});
