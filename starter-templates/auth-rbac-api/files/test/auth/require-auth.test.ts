import express, { type Express } from "express";
import { SignJWT } from "jose";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "../../src/auth/access-token.js";
import { currentUser } from "../../src/auth/current-user.js";
import { requireAuth } from "../../src/auth/require-auth.js";
import { errorHandler } from "../../src/errors/error-handler.js";
import { createTestApp, signUp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
// A minimal app with one protected route; `t.app` (the real one) is used to sign up.
let guarded: Express;

beforeAll(async () => {
  t = await createTestApp();
  guarded = express();
  guarded.get("/whoami", requireAuth(t.db, t.config.jwt), (_req, res) => {
    res.json({ user: currentUser(res) });
  });
  guarded.use(errorHandler);
});

afterAll(async () => {
  await t.dispose();
});

describe("requireAuth checks the token", () => {
  it("lets a request with a valid access token through", async () => {
    const ada = await signUp(t, "ada@example.com");
    const response = await request(guarded).get("/whoami").auth(ada.accessToken, { type: "bearer" });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: ada.id, email: "ada@example.com", role: "user" });
  });

  it("matches the Bearer scheme case-insensitively, as RFC 9110 asks", async () => {
    const barbara = await signUp(t, "barbara@example.com");
    for (const scheme of ["bearer", "BEARER", "Bearer", "bEaReR"]) {
      const response = await request(guarded).get("/whoami").set("Authorization", `${scheme} ${barbara.accessToken}`);
      expect(response.status, scheme).toBe(200);
    }
    const basic = await request(guarded).get("/whoami").set("Authorization", `Basic ${barbara.accessToken}`);
    expect(basic.status).toBe(401);
  });

  it("answers 401 with WWW-Authenticate when there is no token", async () => {
    const response = await request(guarded).get("/whoami");
    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="api"');
    expect(response.body).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("answers 401 to a malformed header or a forged token", async () => {
    const forged = await new SignJWT({ role: "admin" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("00000000-0000-4000-8000-000000000000")
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("guessed-secret-guessed-secret-guessed"));
    for (const header of ["Basic abc", "Bearer", `Bearer ${forged}`]) {
      const response = await request(guarded).get("/whoami").set("Authorization", header);
      expect(response.status).toBe(401);
    }
  });

  it("says when the token has expired", async () => {
    const expired = await signAccessToken({ ...t.config.jwt, accessTokenTtlSeconds: -60 }, { userId: "x", role: "user" });
    const response = await request(guarded).get("/whoami").auth(expired, { type: "bearer" });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/expired/);
    expect(response.headers["www-authenticate"]).toContain('error="invalid_token"');
  });
});

describe("requireAuth checks the account", () => {
  it("answers 401 when the account no longer exists", async () => {
    const grace = await signUp(t, "grace@example.com");
    await t.db.query("DELETE FROM users WHERE id = $1", [grace.id]);
    const response = await request(guarded).get("/whoami").auth(grace.accessToken, { type: "bearer" });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toMatch(/no longer exists/);
  });

  it("uses the role from the database, not the one in the token", async () => {
    const linus = await signUp(t, "linus@example.com", "admin");
    await t.db.query("UPDATE users SET role = 'user' WHERE id = $1", [linus.id]);
    const response = await request(t.app).get("/admin/users").auth(linus.accessToken, { type: "bearer" });
    expect(response.status).toBe(403);
  });
});
