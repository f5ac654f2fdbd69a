import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signUp, type TestApp } from "../helpers/test-app.js";

let t: TestApp;
let admin: SignedIn;
let user: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t, "admin@example.com", "admin");
  user = await signUp(t, "user@example.com");
});

afterAll(async () => {
  await t.dispose();
});

describe("GET /admin/users", () => {
  it("lists every user, without password hashes, for an admin", async () => {
    const response = await request(t.app).get("/admin/users").auth(admin.accessToken, { type: "bearer" });
    expect(response.status).toBe(200);
    expect(response.body.users).toEqual([
      { id: admin.id, email: "admin@example.com", role: "admin", createdAt: expect.any(String) },
      { id: user.id, email: "user@example.com", role: "user", createdAt: expect.any(String) },
    ]);
    expect(response.body.page).toEqual({ limit: 20, offset: 0, total: 2 });
  });

  it("pages through the users with limit and offset, and refuses a page over the maximum", async () => {
    const as = (query: string) => request(t.app).get(`/admin/users${query}`).auth(admin.accessToken, { type: "bearer" });
    const second = await as("?limit=1&offset=1");
    expect(second.status).toBe(200);
    expect(second.body.users.map((listed: { email: string }) => listed.email)).toEqual(["user@example.com"]);
    expect(second.body.page).toEqual({ limit: 1, offset: 1, total: 2 });

    const tooMany = await as("?limit=101");
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details[0].path).toBe("query.limit");
  });

  it("answers 403 to a user and 401 to an anonymous client", async () => {
    expect((await request(t.app).get("/admin/users").auth(user.accessToken, { type: "bearer" })).status).toBe(403);
    expect((await request(t.app).get("/admin/users")).status).toBe(401);
  });
});

describe("PATCH /admin/users/:id/role", () => {
  const changeRole = (token: string, id: string, body: object) =>
    request(t.app).patch(`/admin/users/${id}/role`).auth(token, { type: "bearer" }).send(body);

  it("lets an admin promote a user, who then gets admin access", async () => {
    const response = await changeRole(admin.accessToken, user.id, { role: "admin" });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: user.id, role: "admin" });
    expect((await request(t.app).get("/admin/users").auth(user.accessToken, { type: "bearer" })).status).toBe(200);

    expect((await changeRole(admin.accessToken, user.id, { role: "user" })).body.user.role).toBe("user");
  });

  it("does not let a user change roles, not even their own", async () => {
    const response = await changeRole(user.accessToken, user.id, { role: "admin" });
    expect(response.status).toBe(403);
  });

  it("does not let an admin change their own role", async () => {
    const response = await changeRole(admin.accessToken, admin.id, { role: "user" });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: { code: "cannot_change_own_role" } });
  });

  it("validates the id and the role, and answers 404 for an unknown user", async () => {
    const badRole = await changeRole(admin.accessToken, user.id, { role: "root" });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.details[0].path).toBe("body.role");
    expect((await changeRole(admin.accessToken, "not-a-uuid", { role: "user" })).status).toBe(400);
    expect((await changeRole(admin.accessToken, "00000000-0000-4000-8000-000000000000", { role: "user" })).status).toBe(404);
  });
});
