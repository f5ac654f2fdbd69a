import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, signUp, type TestApp } from "../helpers/test-app.js";

describe("GET /users/me", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.dispose();
  });

  it("returns the signed-in user without the password hash", async () => {
    const ada = await signUp(t, "ada@example.com");
    const response = await request(t.app).get("/users/me").auth(ada.accessToken, { type: "bearer" });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: ada.id, email: "ada@example.com", role: "user", createdAt: expect.any(String) },
    });
  });

  it("needs an access token", async () => {
    expect((await request(t.app).get("/users/me")).status).toBe(401);
  });
});
