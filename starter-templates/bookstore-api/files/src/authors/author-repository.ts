import type { Db } from "../db/db.js";
import { FOREIGN_KEY_VIOLATION, hasPostgresCode, RESTRICT_VIOLATION } from "../db/postgres-error.js";
import { conflict } from "../errors/http-error.js";
import type { Pagination } from "../http/pagination.js";
import type { Author, CreateAuthorInput } from "./author-schemas.js";

const AUTHOR_COLUMNS = `id, name, created_at AS "createdAt"`;

export class AuthorRepository {
  constructor(private readonly db: Db) {}

  async list(page: Pagination): Promise<{ authors: Author[]; total: number }> {
    const authors = await this.db.query<Author>(
      `SELECT ${AUTHOR_COLUMNS} FROM authors ORDER BY name, id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const [count] = await this.db.query<{ total: number }>("SELECT count(*)::int AS total FROM authors");
    return { authors, total: count?.total ?? 0 };
  }

  async findById(id: number): Promise<Author | undefined> {
    const [author] = await this.db.query<Author>(`SELECT ${AUTHOR_COLUMNS} FROM authors WHERE id = $1`, [id]);
    return author;
  }

  async create(input: CreateAuthorInput): Promise<Author> {
    const [author] = await this.db.query<Author>(`INSERT INTO authors (name) VALUES ($1) RETURNING ${AUTHOR_COLUMNS}`, [
      input.name,
    ]);
    if (!author) throw new Error("INSERT ... RETURNING returned no row");
    return author;
  }

  /** Returns false when there was no such author; refuses (409) while books still point at the author. */
  async remove(id: number): Promise<boolean> {
    try {
      const deleted = await this.db.query("DELETE FROM authors WHERE id = $1 RETURNING id", [id]);
      return deleted.length > 0;
    } catch (error) {
      if (hasPostgresCode(error, RESTRICT_VIOLATION) || hasPostgresCode(error, FOREIGN_KEY_VIOLATION)) {
        throw conflict("author_has_books", `Author ${id} still has books. Delete or reassign them first.`);
      }
      throw error;
    }
  }
}
