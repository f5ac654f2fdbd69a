import type { Queryable } from "../db/db.js";
import type { Pagination } from "../http/pagination.js";
import type { PublicUser, Role, StoredUser } from "./user.js";

// Row shapes are type aliases (not interfaces) so they fit the drivers' generic row type.
type PublicUserRow = { id: string; email: string; role: Role; created_at: Date };
type UserRow = PublicUserRow & { password_hash: string };

function toPublic(row: PublicUserRow): PublicUser {
  return { id: row.id, email: row.email, role: row.role, createdAt: row.created_at.toISOString() };
}

function toStored(row: UserRow): StoredUser {
  return { ...toPublic(row), passwordHash: row.password_hash };
}

/** Inserts a user; returns undefined when the e-mail address is already taken. */
export async function insertUser(db: Queryable, email: string, passwordHash: string): Promise<PublicUser | undefined> {
  const rows = await db.query<PublicUserRow>(
    "INSERT INTO users (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING RETURNING id, email, role, created_at",
    [email, passwordHash],
  );
  return rows[0] === undefined ? undefined : toPublic(rows[0]);
}

export async function findUserByEmail(db: Queryable, email: string): Promise<StoredUser | undefined> {
  const rows = await db.query<UserRow>("SELECT id, email, role, created_at, password_hash FROM users WHERE email = $1", [email]);
  return rows[0] === undefined ? undefined : toStored(rows[0]);
}

export async function findUserById(db: Queryable, id: string): Promise<PublicUser | undefined> {
  const rows = await db.query<PublicUserRow>("SELECT id, email, role, created_at FROM users WHERE id = $1", [id]);
  return rows[0] === undefined ? undefined : toPublic(rows[0]);
}

/** One page of users, oldest first (`id` breaks ties, so pages never overlap), and how many there are. */
export async function listUsers(db: Queryable, page: Pagination): Promise<{ users: PublicUser[]; total: number }> {
  const rows = await db.query<PublicUserRow>(
    "SELECT id, email, role, created_at FROM users ORDER BY created_at, id LIMIT $1 OFFSET $2",
    [page.limit, page.offset],
  );
  const [count] = await db.query<{ total: number }>("SELECT count(*)::int AS total FROM users");
  return { users: rows.map(toPublic), total: count?.total ?? 0 };
}

/** Changes a user's role; returns undefined when no user has that id. */
export async function setUserRole(db: Queryable, id: string, role: Role): Promise<PublicUser | undefined> {
  const rows = await db.query<PublicUserRow>(
    "UPDATE users SET role = $2, updated_at = now() WHERE id = $1 RETURNING id, email, role, created_at",
    [id, role],
  );
  return rows[0] === undefined ? undefined : toPublic(rows[0]);
}

/** Changes the role of the user with that e-mail address (used by the make-admin script). */
export async function setUserRoleByEmail(db: Queryable, email: string, role: Role): Promise<PublicUser | undefined> {
  const rows = await db.query<PublicUserRow>(
    "UPDATE users SET role = $2, updated_at = now() WHERE email = $1 RETURNING id, email, role, created_at",
    [email, role],
  );
  return rows[0] === undefined ? undefined : toPublic(rows[0]);
}
