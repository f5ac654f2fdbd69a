import { describe, expect, it } from "vitest";
import { generateRefreshToken, hashRefreshToken } from "../../src/auth/refresh-token.js";

describe("refresh tokens", () => {
  it("are long, URL-safe and different every time", () => {
    const tokens = new Set(Array.from({ length: 50 }, generateRefreshToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("are stored as a SHA-256 hex digest, the same for the same token", () => {
    const token = generateRefreshToken();
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
    expect(hashRefreshToken(token)).not.toBe(hashRefreshToken(generateRefreshToken()));
  });
});
