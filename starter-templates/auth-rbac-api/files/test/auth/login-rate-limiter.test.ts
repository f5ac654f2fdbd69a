import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { loginRateLimiters } from "../../src/auth/login-rate-limiter.js";
import { HttpError } from "../../src/errors/http-error.js";
import { errorHandler } from "../../src/errors/error-handler.js";

/** A stand-in login route: the password "right" succeeds, anything else fails. */
function loginApp(maxAttempts: number, maxAttemptsPerAddress = 100) {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(express.json());
  app.post("/login", ...loginRateLimiters({ maxAttempts, maxAttemptsPerAddress, windowMs: 60_000 }), (req, res) => {
    if ((req.body as { password?: string }).password !== "right") {
      throw new HttpError(401, "invalid_credentials", "E-mail or password is incorrect");
    }
    res.json({ ok: true });
  });
  app.use(errorHandler);
  return app;
}

describe("loginRateLimiters", () => {
  it("does not count successful logins", async () => {
    const app = loginApp(2);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await request(app).post("/login").send({ email: "ada@example.com", password: "right" })).status).toBe(200);
    }
  });

  it("blocks an address and e-mail after too many failed logins, even with the right password", async () => {
    const app = loginApp(2);
    const login = (email: string, password: string) => request(app).post("/login").send({ email, password });
    expect((await login("ada@example.com", "wrong")).status).toBe(401);
    expect((await login("ADA@example.com", "wrong")).status).toBe(401);

    const blocked = await login("ada@example.com", "right");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: "too_many_attempts" } });
    expect(blocked.headers["ratelimit-policy"]).toBeDefined();
  });

  it("counts each e-mail address separately", async () => {
    const app = loginApp(1);
    expect((await request(app).post("/login").send({ email: "ada@example.com", password: "wrong" })).status).toBe(401);
    expect((await request(app).post("/login").send({ email: "grace@example.com", password: "right" })).status).toBe(200);
  });

  it("still limits requests without an e-mail in the body", async () => {
    const app = loginApp(1);
    expect((await request(app).post("/login").send({})).status).toBe(401);
    expect((await request(app).post("/login").send({})).status).toBe(429);
  });

  it("keys on the client address too, so failures from elsewhere never block the account's owner", async () => {
    const app = loginApp(2);
    const login = (address: string, password: string) =>
      request(app).post("/login").set("X-Forwarded-For", address).send({ email: "ada@example.com", password });
    expect((await login("203.0.113.9", "wrong")).status).toBe(401);
    expect((await login("203.0.113.9", "wrong")).status).toBe(401);
    expect((await login("203.0.113.9", "right")).status).toBe(429);
    expect((await login("198.51.100.20", "right")).status).toBe(200);
  });

  it("limits one address trying many e-mails", async () => {
    const app = loginApp(5, 3);
    const statuses = [];
    for (const name of ["a", "b", "c", "d"]) {
      statuses.push((await request(app).post("/login").send({ email: `${name}@example.com`, password: "wrong" })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another address is not affected.
    const other = await request(app).post("/login").set("X-Forwarded-For", "198.51.100.21").send({ email: "e@example.com", password: "right" });
    expect(other.status).toBe(200);
  });
});
