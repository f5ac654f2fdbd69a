import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signUp, type TestApp } from "../helpers/test-app.js";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

let t: TestApp;
let ada: SignedIn;
let grace: SignedIn;

beforeAll(async () => {
  t = await createTestApp();
  ada = await signUp(t, "ada@example.com");
  grace = await signUp(t, "grace@example.com", "admin");
});

afterAll(async () => {
  await t.dispose();
});

const as = (who: SignedIn) => ({
  get: (path: string) => request(t.app).get(path).auth(who.accessToken, { type: "bearer" }),
  post: (path: string, body: object) => request(t.app).post(path).auth(who.accessToken, { type: "bearer" }).send(body),
  patch: (path: string, body: object) => request(t.app).patch(path).auth(who.accessToken, { type: "bearer" }).send(body),
  delete: (path: string) => request(t.app).delete(path).auth(who.accessToken, { type: "bearer" }),
});

describe("/notes for the owner", () => {
  it("creates a note with a trimmed title and an empty body by default", async () => {
    const response = await as(ada).post("/notes", { title: "  Groceries  " });
    expect(response.status).toBe(201);
    expect(response.headers["location"]).toBe(`/notes/${response.body.note.id}`);
    expect(response.body.note).toMatchObject({ title: "Groceries", body: "" });
  });

  it("lists only the signed-in user's notes", async () => {
    await as(grace).post("/notes", { title: "Grace's note", body: "private" });
    const response = await as(ada).get("/notes");
    expect(response.status).toBe(200);
    expect(response.body.notes.map((note: { title: string }) => note.title)).toEqual(["Groceries"]);
    expect(response.body.page).toEqual({ limit: 20, offset: 0, total: 1 });
  });

  it("pages the list with limit and offset, at most 100 a page", async () => {
    await as(ada).post("/notes", { title: "Second" });
    const page = await as(ada).get("/notes?limit=1&offset=1");
    expect(page.status).toBe(200);
    expect(page.body.notes.map((note: { title: string }) => note.title)).toEqual(["Groceries"]);
    expect(page.body.page).toEqual({ limit: 1, offset: 1, total: 2 });
    expect((await as(ada).get("/notes?limit=1000")).status).toBe(400);
  });

  it("reads, updates and deletes a note", async () => {
    const created = (await as(ada).post("/notes", { title: "Plan", body: "v1" })).body.note;
    expect((await as(ada).get(`/notes/${created.id}`)).body.note).toEqual(created);

    const updated = await as(ada).patch(`/notes/${created.id}`, { body: "v2" });
    expect(updated.status).toBe(200);
    expect(updated.body.note).toMatchObject({ title: "Plan", body: "v2" });

    expect((await as(ada).delete(`/notes/${created.id}`)).status).toBe(204);
    expect((await as(ada).get(`/notes/${created.id}`)).status).toBe(404);
  });
});

describe("/notes/{id} for other users and missing notes", () => {
  it("answers 404 for another user's note, even to an admin", async () => {
    const adasNote = (await as(ada).post("/notes", { title: "Mine" })).body.note;
    expect((await as(grace).get(`/notes/${adasNote.id}`)).status).toBe(404);
    expect((await as(grace).patch(`/notes/${adasNote.id}`, { title: "Hacked" })).status).toBe(404);
    expect((await as(grace).delete(`/notes/${adasNote.id}`)).status).toBe(404);
    expect((await as(ada).get(`/notes/${adasNote.id}`)).body.note.title).toBe("Mine");
  });

  it("answers 404 for a note that does not exist", async () => {
    expect((await as(ada).get(`/notes/${MISSING_ID}`)).body).toMatchObject({ error: { code: "not_found" } });
    expect((await as(ada).patch(`/notes/${MISSING_ID}`, { title: "x" })).status).toBe(404);
    expect((await as(ada).delete(`/notes/${MISSING_ID}`)).status).toBe(404);
  });
});

describe("/notes input and access", () => {
  it("validates bodies and ids", async () => {
    expect((await as(ada).post("/notes", { title: "" })).status).toBe(400);
    expect((await as(ada).post("/notes", { title: "x", owner: "someone" })).status).toBe(400);
    expect((await as(ada).patch(`/notes/${MISSING_ID}`, {})).body.error.code).toBe("validation_failed");
    expect((await as(ada).get("/notes/42")).body.error.details[0].path).toBe("params.id");
  });

  it("needs an access token", async () => {
    expect((await request(t.app).get("/notes")).status).toBe(401);
    expect((await request(t.app).post("/notes").send({ title: "x" })).status).toBe(401);
  });
});
