import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { deleteAllData, insertAuthor, insertBook } from "../helpers/fixtures.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

describe("/books", () => {
  let db: Db;
  let app: Express;
  let authorId: number;

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
    authorId = await insertAuthor(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates a book (201) and returns it (200)", async () => {
    const created = await request(app)
      .post("/books")
      .send({ authorId, title: "Parable of the Sower", isbn: "9780446675505", priceCents: 1700, stock: 3 });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(`/books/${created.body.id}`);
    const found = await request(app).get(created.headers.location ?? "");
    expect(found.status).toBe(200);
    expect(found.body).toEqual(created.body);
  });

  it("answers 422 with the failing fields and 409 for a taken ISBN", async () => {
    const invalid = await request(app).post("/books").send({ authorId, title: "", isbn: "123", priceCents: 10 });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(["title", "isbn"]);

    const book = { authorId, title: "X", isbn: "9780446675505", priceCents: 10 };
    await request(app).post("/books").send(book);
    const duplicate = await request(app).post("/books").send(book);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("isbn_taken");
  });

  it("lists books of one author with paging information", async () => {
    await insertBook(db, authorId, { title: "One" });
    await insertBook(db, await insertAuthor(db, "Someone else"), { title: "Two" });
    const response = await request(app).get("/books").query({ authorId });
    expect(response.body.data.map((book: { title: string }) => book.title)).toEqual(["One"]);
    expect(response.body.page).toEqual({ limit: 20, offset: 0, total: 1 });
  });

  it("changes price and stock with PATCH, and answers 404 for an unknown book", async () => {
    const id = await insertBook(db, authorId);
    const response = await request(app).patch(`/books/${id}`).send({ priceCents: 999, stock: 0 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ priceCents: 999, stock: 0 });
    expect((await request(app).patch("/books/9999").send({ stock: 1 })).status).toBe(404);
    expect((await request(app).get("/books/9999")).status).toBe(404);
  });
});
