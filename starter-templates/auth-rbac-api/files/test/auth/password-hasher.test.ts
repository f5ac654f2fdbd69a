import { describe, expect, it } from "vitest";
import { createPasswordHasher } from "../../src/auth/password-hasher.js";

describe("createPasswordHasher", () => {
  const hasher = createPasswordHasher(4);

  it("stores a salted bcrypt hash, never the password", async () => {
    const first = await hasher.hash("a long passphrase");
    const second = await hasher.hash("a long passphrase");
    expect(first).toMatch(/^\$2[aby]\$04\$/);
    expect(first).not.toContain("a long passphrase");
    expect(first).not.toBe(second);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hasher.hash("a long passphrase");
    expect(await hasher.verify("a long passphrase", stored)).toBe(true);
    expect(await hasher.verify("a long passphrasE", stored)).toBe(false);
  });

  it("refuses any password when there is no stored hash", async () => {
    expect(await hasher.verify("a long passphrase", undefined)).toBe(false);
    expect(await hasher.verify("not-a-real-password", undefined)).toBe(false);
  });
});
