import { SignJWT, UnsecuredJWT } from "jose";
import { describe, expect, it } from "vitest";
import { type AccessTokenSettings, signAccessToken, verifyAccessToken } from "../../src/auth/access-token.js";

const settings: AccessTokenSettings = {
  secret: new TextEncoder().encode("a-test-secret-that-is-at-least-32-characters"),
  issuer: "test-issuer",
  accessTokenTtlSeconds: 900,
};

function tokenSignedWith(secret: string, claims: Record<string, unknown>, expiresIn = "15m"): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("user-1")
    .setIssuer(settings.issuer)
    .setAudience("api")
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

describe("access tokens", () => {
  it("round-trips the user id and role", async () => {
    const token = await signAccessToken(settings, { userId: "user-1", role: "admin" });
    expect(await verifyAccessToken(settings, token)).toEqual({ ok: true, claims: { userId: "user-1", role: "admin" } });
  });

  it("expires after the configured time", async () => {
    const token = await signAccessToken(settings, { userId: "user-1", role: "user" });
    const [, payload = ""] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBe(900);
  });

  it("refuses an expired token", async () => {
    const token = await tokenSignedWith("a-test-secret-that-is-at-least-32-characters", { role: "user" }, "-1m");
    expect(await verifyAccessToken(settings, token)).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token signed with another secret", async () => {
    const token = await tokenSignedWith("another-secret-that-is-at-least-32-characters", { role: "admin" });
    expect(await verifyAccessToken(settings, token)).toEqual({ ok: false, reason: "invalid" });
  });

  it('refuses an unsigned token ("alg": "none")', async () => {
    const token = new UnsecuredJWT({ role: "admin" }).setSubject("user-1").setIssuer(settings.issuer).setAudience("api").encode();
    expect(await verifyAccessToken(settings, token)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a token for another issuer or with an unknown role", async () => {
    const otherIssuer = await signAccessToken({ ...settings, issuer: "someone-else" }, { userId: "user-1", role: "user" });
    const unknownRole = await tokenSignedWith("a-test-secret-that-is-at-least-32-characters", { role: "root" });
    expect(await verifyAccessToken(settings, otherIssuer)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyAccessToken(settings, unknownRole)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses text that is not a token", async () => {
    expect(await verifyAccessToken(settings, "not.a.token")).toEqual({ ok: false, reason: "invalid" });
  });
});
