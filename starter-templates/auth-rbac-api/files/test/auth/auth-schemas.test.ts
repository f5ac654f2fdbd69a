import { describe, expect, it } from "vitest";
import { loginBody, refreshTokenBody, registerBody } from "../../src/auth/auth-schemas.js";

describe("registerBody", () => {
  it("accepts an e-mail and a long enough password, and lower-cases the e-mail", () => {
    expect(registerBody.parse({ email: "Ada@Example.COM", password: "twelve chars" })).toEqual({
      email: "ada@example.com",
      password: "twelve chars",
    });
  });

  it("refuses short passwords, invalid e-mails and unknown fields", () => {
    expect(registerBody.safeParse({ email: "ada@example.com", password: "too short" }).success).toBe(false);
    expect(registerBody.safeParse({ email: "not-an-email", password: "long enough password" }).success).toBe(false);
    expect(registerBody.safeParse({ email: "ada@example.com", password: "long enough password", role: "admin" }).success).toBe(false);
  });

  it("refuses passwords longer than bcrypt's 72 bytes, counting bytes not characters", () => {
    expect(registerBody.safeParse({ email: "ada@example.com", password: "a".repeat(72) }).success).toBe(true);
    expect(registerBody.safeParse({ email: "ada@example.com", password: "a".repeat(73) }).success).toBe(false);
    // 25 characters, 75 bytes in UTF-8.
    expect(registerBody.safeParse({ email: "ada@example.com", password: "€".repeat(25) }).success).toBe(false);
  });
});

describe("loginBody and refreshTokenBody", () => {
  it("accept any non-empty password at login", () => {
    expect(loginBody.parse({ email: "ADA@example.com", password: "x" })).toEqual({ email: "ada@example.com", password: "x" });
    expect(loginBody.safeParse({ email: "ada@example.com", password: "" }).success).toBe(false);
  });

  it("require a refresh token string", () => {
    expect(refreshTokenBody.safeParse({ refreshToken: "abc" }).success).toBe(true);
    expect(refreshTokenBody.safeParse({ refreshToken: 42 }).success).toBe(false);
    expect(refreshTokenBody.safeParse({}).success).toBe(false);
  });
});
