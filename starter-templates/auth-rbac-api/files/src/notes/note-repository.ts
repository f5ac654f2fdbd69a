import type { Queryable } from "../db/db.js";
import type { Pagination } from "../http/pagination.js";

export interface Note {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface NoteChanges {
  title?: string | undefined;
  body?: string | undefined;
}

// A type alias (not an interface) so it fits the drivers' generic row type.
type NoteRow = { id: string; title: string; body: string; created_at: Date; updated_at: Date };

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

// Every query below filters by owner_id: that is what keeps one user's notes away from another.

export async function insertNote(db: Queryable, ownerId: string, title: string, body: string): Promise<Note> {
  const rows = await db.query<NoteRow>(
    "INSERT INTO notes (owner_id, title, body) VALUES ($1, $2, $3) RETURNING id, title, body, created_at, updated_at",
    [ownerId, title, body],
  );
  const row = rows[0];
  if (row === undefined) {
    throw new Error("INSERT ... RETURNING returned no row");
  }
  return toNote(row);
}

/** One page of the owner's notes, newest first, and how many they have. */
export async function listNotes(db: Queryable, ownerId: string, page: Pagination): Promise<{ notes: Note[]; total: number }> {
  const rows = await db.query<NoteRow>(
    `SELECT id, title, body, created_at, updated_at FROM notes WHERE owner_id = $1
      ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
    [ownerId, page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>("SELECT count(*)::int AS total FROM notes WHERE owner_id = $1", [ownerId]);
  return { notes: rows.map(toNote), total: count?.total ?? 0 };
}

export async function findNote(db: Queryable, ownerId: string, id: string): Promise<Note | undefined> {
  const rows = await db.query<NoteRow>("SELECT id, title, body, created_at, updated_at FROM notes WHERE owner_id = $1 AND id = $2", [ownerId, id]);
  return rows[0] === undefined ? undefined : toNote(rows[0]);
}

/** Applies the given changes; fields left undefined keep their value. Undefined when not found. */
export async function updateNote(db: Queryable, ownerId: string, id: string, changes: NoteChanges): Promise<Note | undefined> {
  const rows = await db.query<NoteRow>(
    `UPDATE notes SET title = COALESCE($3, title), body = COALESCE($4, body), updated_at = now()
      WHERE owner_id = $1 AND id = $2 RETURNING id, title, body, created_at, updated_at`,
    [ownerId, id, changes.title ?? null, changes.body ?? null],
  );
  return rows[0] === undefined ? undefined : toNote(rows[0]);
}

/** Deletes a note; false when the user has no note with that id. */
export async function deleteNote(db: Queryable, ownerId: string, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>("DELETE FROM notes WHERE owner_id = $1 AND id = $2 RETURNING id", [
    ownerId,
    id,
  ]);
  return rows.length > 0;
}
