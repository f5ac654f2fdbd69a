import type { Db } from "../db/db.js";
import { FOREIGN_KEY_VIOLATION, hasPostgresCode, UNIQUE_VIOLATION } from "../db/postgres-error.js";
import { conflict, HttpError } from "../errors/http-error.js";
import type { Book, CreateBookInput, ListBooksQuery, UpdateBookInput } from "./book-schemas.js";

const BOOK_COLUMNS = `id, author_id AS "authorId", title, isbn, price_cents AS "priceCents", stock,
  published_year AS "publishedYear", created_at AS "createdAt"`;

/** API field -> column, for the fields PATCH may change. Only these names reach the SQL text. */
const COLUMN_OF = { title: "title", priceCents: "price_cents", stock: "stock", publishedYear: "published_year" } as const;

function rethrowConstraint(error: unknown, input: Partial<CreateBookInput>): never {
  if (hasPostgresCode(error, UNIQUE_VIOLATION)) {
    throw conflict("isbn_taken", `A book with ISBN ${input.isbn ?? ""} already exists.`);
  }
  if (hasPostgresCode(error, FOREIGN_KEY_VIOLATION)) {
    throw new HttpError(422, "unknown_author", `Author ${input.authorId ?? ""} does not exist.`, [
      { path: "authorId", message: "No author has this id." },
    ]);
  }
  throw error;
}

export class BookRepository {
  constructor(private readonly db: Db) {}

  async list(query: ListBooksQuery): Promise<{ books: Book[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.authorId !== undefined) {
      params.push(query.authorId);
      conditions.push(`author_id = $${params.length}`);
    }
    if (query.inStock !== undefined) conditions.push(query.inStock ? "stock > 0" : "stock = 0");
    const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";

    const books = await this.db.query<Book>(
      `SELECT ${BOOK_COLUMNS} FROM books ${where} ORDER BY title, id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.limit, query.offset],
    );
    const [count] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM books ${where}`, params);
    return { books, total: count?.total ?? 0 };
  }

  async findById(id: number): Promise<Book | undefined> {
    const [book] = await this.db.query<Book>(`SELECT ${BOOK_COLUMNS} FROM books WHERE id = $1`, [id]);
    return book;
  }

  async create(input: CreateBookInput): Promise<Book> {
    try {
      const [book] = await this.db.query<Book>(
        `INSERT INTO books (author_id, title, isbn, price_cents, stock, published_year)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${BOOK_COLUMNS}`,
        [input.authorId, input.title, input.isbn, input.priceCents, input.stock, input.publishedYear],
      );
      if (!book) throw new Error("INSERT ... RETURNING returned no row");
      return book;
    } catch (error) {
      return rethrowConstraint(error, input);
    }
  }

  /** Changes only the fields present in `changes`; returns undefined when the book does not exist. */
  async update(id: number, changes: UpdateBookInput): Promise<Book | undefined> {
    const fields = (Object.keys(changes) as (keyof UpdateBookInput)[]).filter((field) => changes[field] !== undefined);
    const assignments = fields.map((field, index) => `${COLUMN_OF[field]} = $${index + 2}`);
    const [book] = await this.db.query<Book>(
      `UPDATE books SET ${assignments.join(", ")} WHERE id = $1 RETURNING ${BOOK_COLUMNS}`,
      [id, ...fields.map((field) => changes[field])],
    );
    return book;
  }
}
