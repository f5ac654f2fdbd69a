import { describe, expect, it } from "vitest";
import { createBookSchema, listBooksQuerySchema, updateBookSchema } from "../../src/books/book-schemas.js";

describe("createBookSchema", () => {
  it("accepts a book and fills in stock and year", () => {
    expect(createBookSchema.parse({ authorId: 1, title: "Kindred", isbn: "9780807083697", priceCents: 1599 })).toEqual({
      authorId: 1,
      title: "Kindred",
      isbn: "9780807083697",
      priceCents: 1599,
      stock: 0,
      publishedYear: null,
    });
  });

  it("rejects a hyphenated ISBN, a negative price and a fractional stock", () => {
    const result = createBookSchema.safeParse({ authorId: 1, title: "K", isbn: "978-0807083697", priceCents: -1, stock: 1.5 });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["isbn", "priceCents", "stock"]);
  });
});

describe("updateBookSchema", () => {
  it("accepts one changed field and rejects none", () => {
    expect(updateBookSchema.parse({ stock: 3 })).toEqual({ stock: 3 });
    expect(updateBookSchema.safeParse({}).success).toBe(false);
  });

  it("does not let the ISBN or the author change", () => {
    expect(updateBookSchema.safeParse({ isbn: "9780807083697" }).success).toBe(false);
  });
});

describe("listBooksQuerySchema", () => {
  it("reads the filters from query strings", () => {
    expect(listBooksQuerySchema.parse({ authorId: "3", inStock: "false" })).toEqual({
      limit: 20,
      offset: 0,
      authorId: 3,
      inStock: false,
    });
  });

  it("rejects inStock values other than true and false", () => {
    expect(listBooksQuerySchema.safeParse({ inStock: "yes" }).success).toBe(false);
  });
});
