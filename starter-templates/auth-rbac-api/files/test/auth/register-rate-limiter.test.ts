import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { registerRateLimiter } from "../../src/auth/register-rate-limiter.js";
import { errorHandler } from "../../src/errors/error-handler.js";

/** A stand-in registration route that always accepts, as the real one does. */
function registerApp(maxAttempts: number) {
  const app = express();
  app.set("trust proxy", "loopback");
  app.use(express.json());
  app.post("/register", registerRateLimiter({ maxAttempts, windowMs: 60_000 }), (_req, res) => {
    res.status(202).json({ message: "accepted" });
  });
  app.use(errorHandler);
  return app;
}

describe("registerRateLimiter", () => {
  it("counts every registration from one address, accepted or not, and then answers 429", async () => {
    const app = registerApp(2);
    const register = (email: string) => request(app).post("/register").set("X-Forwarded-For", "203.0.113.5").send({ email });
    expect((await register("a@example.com")).status).toBe(202);
    expect((await register("a@example.com")).status).toBe(202);
    const blocked = await register("b@example.com");
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: { code: "too_many_attempts" } });
    expect(blocked.headers["ratelimit-policy"]).toBeDefined();
  });

  it("counts each client address separately", async () => {
    const app = registerApp(1);
    const register = (address: string) => request(app).post("/register").set("X-Forwarded-For", address).send({});
    expect((await register("203.0.113.6")).status).toBe(202);
    expect((await register("198.51.100.6")).status).toBe(202);
    expect((await register("203.0.113.6")).status).toBe(429);
  });
});
