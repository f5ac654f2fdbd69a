import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthorRepository } from "../../src/authors/author-repository.js";
import type { Db } from "../../src/db/db.js";
import { deleteAllData, insertAuthor, insertBook } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("AuthorRepository", () => {
  let db: Db;
  let authors: AuthorRepository;

  beforeAll(async () => {
    db = await createTestDb();
    authors = new AuthorRepository(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates, finds and pages authors", async () => {
    const created = await authors.create({ name: "Ted Chiang" });
    await insertAuthor(db, "Becky Chambers");
    expect(await authors.findById(created.id)).toEqual(created);
    const page = await authors.list({ limit: 10, offset: 1 });
    expect(page.authors.map((author) => author.name)).toEqual(["Ted Chiang"]);
    expect(page.total).toBe(2);
  });

  it("reports whether a delete found the author", async () => {
    const id = await insertAuthor(db);
    expect(await authors.remove(id)).toBe(true);
    expect(await authors.remove(id)).toBe(false);
  });

  it("turns the ON DELETE RESTRICT refusal into a 409", async () => {
    const id = await insertAuthor(db);
    await insertBook(db, id);
    await expect(authors.remove(id)).rejects.toMatchObject({ status: 409, code: "author_has_books" });
  });
});
