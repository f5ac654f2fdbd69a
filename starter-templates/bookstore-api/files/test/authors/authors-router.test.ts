import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { deleteAllData, insertAuthor, insertBook } from "../helpers/fixtures.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("/authors", () => {
  let db: Db;
  let app: Express;

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates an author and finds it again", async () => {
    const created = await request(app).post("/authors").send({ name: " Octavia E. Butler " });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Octavia E. Butler" });
    expect(created.headers.location).toBe(`/authors/${created.body.id}`);
    const found = await request(app).get(`/authors/${created.body.id}`);
    expect(found.body).toEqual(created.body);
  });

  it("lists authors by name, one page at a time", async () => {
    await insertAuthor(db, "Zadie Smith");
    await insertAuthor(db, "Chinua Achebe");
    const response = await request(app).get("/authors").query({ limit: 1 });
    expect(response.status).toBe(200);
    expect(response.body.data.map((author: { name: string }) => author.name)).toEqual(["Chinua Achebe"]);
    expect(response.body.page).toEqual({ limit: 1, offset: 0, total: 2 });
  });

  it("answers 422 for an empty name and 404 for an unknown author", async () => {
    expect((await request(app).post("/authors").send({ name: "" })).status).toBe(422);
    expect((await request(app).get("/authors/999")).status).toBe(404);
  });

  it("deletes an author without books", async () => {
    const id = await insertAuthor(db);
    expect((await request(app).delete(`/authors/${id}`)).status).toBe(204);
    expect((await request(app).delete(`/authors/${id}`)).status).toBe(404);
  });

  it("refuses with 409 to delete an author who still has books, and keeps the books", async () => {
    const id = await insertAuthor(db);
    const bookId = await insertBook(db, id);
    const response = await request(app).delete(`/authors/${id}`);
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe("author_has_books");
    expect((await request(app).get(`/books/${bookId}`)).status).toBe(200);
  });
});
