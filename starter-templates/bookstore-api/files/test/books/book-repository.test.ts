import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BookRepository } from "../../src/books/book-repository.js";
import type { Db } from "../../src/db/db.js";
import { deleteAllData, insertAuthor, insertBook } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("BookRepository", () => {
  let db: Db;
  let books: BookRepository;
  let authorId: number;

  beforeAll(async () => {
    db = await createTestDb();
    books = new BookRepository(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
    authorId = await insertAuthor(db);
  });

  afterAll(async () => {
    await db.close();
  });

  const newBook = { title: "The Dispossessed", isbn: "9780061054884", priceCents: 1299, stock: 4, publishedYear: 1974 };

  it("creates a book and finds it again", async () => {
    const book = await books.create({ authorId, ...newBook });
    expect(book).toMatchObject({ authorId, ...newBook });
    expect(await books.findById(book.id)).toEqual(book);
  });

  it("answers 409 for a second book with the same ISBN", async () => {
    await books.create({ authorId, ...newBook });
    await expect(books.create({ authorId, ...newBook, title: "Copy" })).rejects.toMatchObject({ status: 409, code: "isbn_taken" });
  });

  it("answers 422 for an author that does not exist", async () => {
    await expect(books.create({ ...newBook, authorId: authorId + 100 })).rejects.toMatchObject({
      status: 422,
      code: "unknown_author",
    });
  });

  it("filters by author and by stock, and counts the filtered books", async () => {
    const otherAuthor = await insertAuthor(db, "N. K. Jemisin");
    await insertBook(db, authorId, { title: "B", stock: 0 });
    await insertBook(db, authorId, { title: "A", stock: 2 });
    await insertBook(db, otherAuthor, { title: "C", stock: 5 });

    const byAuthor = await books.list({ limit: 10, offset: 0, authorId });
    expect(byAuthor.books.map((book) => book.title)).toEqual(["A", "B"]);
    expect(byAuthor.total).toBe(2);
    const inStock = await books.list({ limit: 10, offset: 0, inStock: true });
    expect(inStock.books.map((book) => book.title)).toEqual(["A", "C"]);
    const soldOut = await books.list({ limit: 10, offset: 0, inStock: false });
    expect(soldOut.books.map((book) => book.title)).toEqual(["B"]);
  });

  it("updates only the given fields", async () => {
    const id = await insertBook(db, authorId, { title: "Old", priceCents: 100 });
    expect(await books.update(id, { priceCents: 250 })).toMatchObject({ title: "Old", priceCents: 250 });
    expect(await books.update(id + 100, { priceCents: 1 })).toBeUndefined();
  });
});
