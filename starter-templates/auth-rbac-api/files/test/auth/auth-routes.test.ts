import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTRATION_ACCEPTED } from "../../src/auth/auth-routes.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { createTestApp, signUp, TEST_PASSWORD, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
const log = createLogCapture();

beforeAll(async () => {
  t = await createTestApp({ logger: createLogger("debug", log), env: { LOGIN_MAX_ATTEMPTS: "3", TRUST_PROXY: "loopback" } });
});

afterAll(async () => {
  await t.dispose();
});

describe("POST /auth/register", () => {
  it("creates a user with the user role and answers 202 without the user, the password or its hash", async () => {
    const response = await request(t.app).post("/auth/register").send({ email: "Ada@Example.com", password: TEST_PASSWORD });
    expect(response.status).toBe(202);
    expect(response.body).toEqual(REGISTRATION_ACCEPTED);
    expect(JSON.stringify(response.body)).not.toMatch(/\$2[aby]\$|ada@/i);
    const [row] = await t.db.query<{ role: string }>("SELECT role FROM users WHERE email = 'ada@example.com'");
    expect(row?.role).toBe("user");
  });

  it("answers a taken address (whatever its case) exactly like a new one, so it reveals no account", async () => {
    const fresh = await request(t.app).post("/auth/register").send({ email: "new-address@example.com", password: TEST_PASSWORD });
    const taken = await request(t.app).post("/auth/register").send({ email: "ADA@example.com", password: "another long passphrase" });
    expect(taken.status).toBe(fresh.status);
    expect(taken.body).toEqual(fresh.body);
    expect(taken.headers["content-type"]).toBe(fresh.headers["content-type"]);
    expect(taken.headers["content-length"]).toBe(fresh.headers["content-length"]);
    const login = await request(t.app).post("/auth/login").send({ email: "ada@example.com", password: TEST_PASSWORD });
    expect(login.status).toBe(200);
  });

  it("answers 400 with the details of each invalid field", async () => {
    const response = await request(t.app).post("/auth/register").send({ email: "nope", password: "short" });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("validation_failed");
    expect(response.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["body.email", "body.password"]);
  });

  it("does not let a client choose its own role", async () => {
    const response = await request(t.app)
      .post("/auth/register")
      .send({ email: "mallory@example.com", password: TEST_PASSWORD, role: "admin" });
    expect(response.status).toBe(400);
  });
});

describe("POST /auth/login", () => {
  it("returns a short-lived access token, a refresh token and the user", async () => {
    const response = await request(t.app).post("/auth/login").send({ email: "ada@example.com", password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.body).toMatchObject({
      tokenType: "Bearer",
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      expiresIn: 900,
      refreshToken: expect.any(String),
      user: { email: "ada@example.com", role: "user" },
    });
  });

  it("gives the same answer for an unknown e-mail and a wrong password", async () => {
    const unknown = await request(t.app).post("/auth/login").send({ email: "nobody@example.com", password: TEST_PASSWORD });
    const wrong = await request(t.app).post("/auth/login").send({ email: "ada@example.com", password: "not the password" });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toMatchObject({ error: { code: "invalid_credentials" } });
  });

  it("is rate limited after repeated failures", async () => {
    const attempts = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      attempts.push((await request(t.app).post("/auth/login").send({ email: "grace@example.com", password: "guess" })).status);
    }
    expect(attempts).toEqual([401, 401, 401, 429]);
  });

  it("does not let an attacker lock the owner of an account out", async () => {
    await signUp(t, "victim@example.com");
    const fromAttacker = () =>
      request(t.app).post("/auth/login").set("X-Forwarded-For", "203.0.113.66").send({ email: "victim@example.com", password: "guess" });
    const attempts = [];
    for (let attempt = 0; attempt < 4; attempt += 1) attempts.push((await fromAttacker()).status);
    expect(attempts).toEqual([401, 401, 401, 429]);

    const fromVictim = await request(t.app)
      .post("/auth/login")
      .set("X-Forwarded-For", "198.51.100.7")
      .send({ email: "victim@example.com", password: TEST_PASSWORD });
    expect(fromVictim.status).toBe(200);
  });
});

describe("POST /auth/refresh", () => {
  it("swaps a refresh token for new tokens, once", async () => {
    const ada = await signUp(t, "refresh@example.com");
    const first = await request(t.app).post("/auth/refresh").send({ refreshToken: ada.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(ada.refreshToken);
    expect(first.body.user).toMatchObject({ email: "refresh@example.com" });

    const reused = await request(t.app).post("/auth/refresh").send({ refreshToken: ada.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body).toMatchObject({ error: { code: "invalid_refresh_token" } });

    const next = await request(t.app).post("/auth/refresh").send({ refreshToken: first.body.refreshToken });
    expect(next.status).toBe(200);
  });

  it("answers 401 to an unknown refresh token and 400 to a missing one", async () => {
    expect((await request(t.app).post("/auth/refresh").send({ refreshToken: "made-up" })).status).toBe(401);
    expect((await request(t.app).post("/auth/refresh").send({})).status).toBe(400);
  });
});

describe("POST /auth/logout", () => {
  it("revokes the refresh token and answers 204, also when repeated", async () => {
    const ada = await signUp(t, "logout@example.com");
    expect((await request(t.app).post("/auth/logout").send({ refreshToken: ada.refreshToken })).status).toBe(204);
    expect((await request(t.app).post("/auth/logout").send({ refreshToken: ada.refreshToken })).status).toBe(204);
    expect((await request(t.app).post("/auth/refresh").send({ refreshToken: ada.refreshToken })).status).toBe(401);
  });
});

describe("auth route logs", () => {
  it("never contain a password, a hash or a token", () => {
    const written = JSON.stringify(log.lines);
    expect(written).toContain('"url":"/auth/login"');
    expect(written).not.toContain(TEST_PASSWORD);
    expect(written).not.toMatch(/\$2[aby]\$/);
    expect(written).not.toMatch(/eyJ[\w-]+\.eyJ/);
  });
});
