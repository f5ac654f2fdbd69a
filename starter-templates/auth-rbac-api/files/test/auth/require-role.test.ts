import express, { type RequestHandler } from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { setCurrentUser } from "../../src/auth/current-user.js";
import { requireRole } from "../../src/auth/require-role.js";
import { errorHandler } from "../../src/errors/error-handler.js";
import type { Role } from "../../src/users/user.js";

function appWith(signIn: RequestHandler) {
  const app = express();
  app.get("/admin-only", signIn, requireRole("admin"), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler);
  return app;
}

const signedInAs =
  (role: Role): RequestHandler =>
  (_req, res, next) => {
    setCurrentUser(res, { id: "u1", email: "ada@example.com", role, createdAt: "2026-01-01T00:00:00.000Z" });
    next();
  };

describe("requireRole", () => {
  it("lets a user with the role through", async () => {
    const response = await request(appWith(signedInAs("admin"))).get("/admin-only");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true });
  });

  it("answers 403 to a signed-in user without the role", async () => {
    const response = await request(appWith(signedInAs("user"))).get("/admin-only");
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: "forbidden" } });
  });

  it("answers 401 when nobody is signed in", async () => {
    const response = await request(appWith((_req, _res, next) => next())).get("/admin-only");
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ error: { code: "unauthorized" } });
  });
});
