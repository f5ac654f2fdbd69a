import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { createTestApp, signUp, TEST_PASSWORD, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
const log = createLogCapture();

beforeAll(async () => {
  t = await createTestApp({ logger: createLogger("debug", log), env: { LOGIN_MAX_ATTEMPTS: "3" } });
});

afterAll(async () => {
  await t.dispose();
});

describe("POST /auth/register", () => {
  it("creates a user with the user role and never returns the password or its hash", async () => {
    const response = await request(t.app).post("/auth/register").send({ email: "Ada@Example.com", password: TEST_PASSWORD });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      user: { id: expect.any(String), email: "ada@example.com", role: "user", createdAt: expect.any(String) },
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|\$2[aby]\$/i);
  });

  it("answers 409 when the e-mail address is taken, whatever its case", async () => {
    const response = await request(t.app).post("/auth/register").send({ email: "ADA@example.com", password: TEST_PASSWORD });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: "email_taken" } });
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
