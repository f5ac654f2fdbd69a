import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "../../src/auth/access-token.js";
import { type AuthService, createAuthService } from "../../src/auth/auth-service.js";
import { createPasswordHasher } from "../../src/auth/password-hasher.js";
import { HttpError } from "../../src/errors/http-error.js";
import type { Db } from "../../src/db/db.js";
import { createTestDb } from "../helpers/test-db.js";

const accessTokens = {
  secret: new TextEncoder().encode("a-test-secret-that-is-at-least-32-characters"),
  issuer: "test",
  accessTokenTtlSeconds: 300,
};

async function errorOf(promise: Promise<unknown>): Promise<HttpError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof HttpError)) {
    throw new Error(`expected an HttpError, got ${String(error)}`);
  }
  return error;
}

describe("createAuthService", () => {
  let db: Db;
  let auth: AuthService;

  beforeAll(async () => {
    db = await createTestDb();
    auth = createAuthService({ db, hasher: createPasswordHasher(4), accessTokens, refreshTokenTtlDays: 7 });
  });

  afterAll(async () => {
    await db.close();
  });

  it("registers a user and stores only a bcrypt hash of the password", async () => {
    expect(await auth.register("ada@example.com", "a long passphrase")).toEqual({ created: true });
    const [row] = await db.query<{ password_hash: string; role: string }>("SELECT password_hash, role FROM users WHERE email = $1", [
      "ada@example.com",
    ]);
    expect(row?.role).toBe("user");
    expect(row?.password_hash).toMatch(/^\$2[aby]\$04\$/);
  });

  it("keeps the existing account (and its password) when the e-mail is registered again", async () => {
    expect(await auth.register("ada@example.com", "another passphrase")).toEqual({ created: false });
    await expect(auth.login("ada@example.com", "another passphrase")).rejects.toMatchObject({ status: 401 });
    expect((await auth.login("ada@example.com", "a long passphrase")).user.email).toBe("ada@example.com");
  });

  it("hashes the password for a taken address too, so both answers take as long", async () => {
    const hashed: string[] = [];
    const real = createPasswordHasher(4);
    const counting = createAuthService({
      db,
      hasher: { hash: (password) => (hashed.push(password), real.hash(password)), verify: real.verify },
      accessTokens,
      refreshTokenTtlDays: 7,
    });
    await counting.register("timing-new@example.com", "a long passphrase");
    await counting.register("timing-new@example.com", "a second passphrase");
    expect(hashed).toEqual(["a long passphrase", "a second passphrase"]);
  });

  it("logs in with an access token for the user and a refresh token that expires in 7 days", async () => {
    const tokens = await auth.login("ada@example.com", "a long passphrase");
    const verified = await verifyAccessToken(accessTokens, tokens.accessToken);
    expect(verified).toEqual({ ok: true, claims: { userId: tokens.user.id, role: "user" } });
    const [row] = await db.query<{ days: number }>(
      "SELECT round(extract(epoch FROM expires_at - now()) / 86400)::int AS days FROM refresh_tokens WHERE user_id = $1",
      [tokens.user.id],
    );
    expect(row?.days).toBe(7);
  });

  it("refuses unknown users and wrong passwords with the same error", async () => {
    const unknown = await errorOf(auth.login("nobody@example.com", "a long passphrase"));
    const wrong = await errorOf(auth.login("ada@example.com", "wrong passphrase"));
    expect(unknown).toMatchObject({ status: 401, code: "invalid_credentials" });
    expect(wrong.message).toBe(unknown.message);
  });

  it("rotates refresh tokens: each works once", async () => {
    const { refreshToken } = await auth.login("ada@example.com", "a long passphrase");
    const rotated = await auth.refresh(refreshToken);
    expect(rotated.refreshToken).not.toBe(refreshToken);
    expect(await errorOf(auth.refresh(refreshToken))).toMatchObject({ status: 401, code: "invalid_refresh_token" });
  });

  it("refuses refresh tokens after logout", async () => {
    const { refreshToken } = await auth.login("ada@example.com", "a long passphrase");
    await auth.logout(refreshToken);
    expect(await errorOf(auth.refresh(refreshToken))).toMatchObject({ code: "invalid_refresh_token" });
  });
});
