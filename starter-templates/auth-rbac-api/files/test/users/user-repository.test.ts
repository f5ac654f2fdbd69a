import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  setUserRole,
  setUserRoleByEmail,
} from "../../src/users/user-repository.js";
import type { Db } from "../../src/db/db.js";
import { createTestDb } from "../helpers/test-db.js";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

describe("user repository", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("inserts a user with the user role and finds it by id and by e-mail", async () => {
    const created = await insertUser(db, "ada@example.com", "hash-1");
    expect(created).toMatchObject({ email: "ada@example.com", role: "user" });
    expect(created).not.toHaveProperty("passwordHash");
    expect(await findUserById(db, created?.id ?? "")).toEqual(created);
    expect(await findUserByEmail(db, "ada@example.com")).toEqual({ ...created, passwordHash: "hash-1" });
  });

  it("returns undefined instead of inserting a second user with the same e-mail", async () => {
    expect(await insertUser(db, "ada@example.com", "hash-2")).toBeUndefined();
    expect(await findUserByEmail(db, "ada@example.com")).toMatchObject({ passwordHash: "hash-1" });
  });

  it("returns undefined for unknown users", async () => {
    expect(await findUserById(db, MISSING_ID)).toBeUndefined();
    expect(await findUserByEmail(db, "nobody@example.com")).toBeUndefined();
    expect(await setUserRole(db, MISSING_ID, "admin")).toBeUndefined();
    expect(await setUserRoleByEmail(db, "nobody@example.com", "admin")).toBeUndefined();
  });

  it("changes roles by id and by e-mail", async () => {
    const grace = await insertUser(db, "grace@example.com", "hash");
    expect(await setUserRoleByEmail(db, "grace@example.com", "admin")).toMatchObject({ role: "admin" });
    expect(await setUserRole(db, grace?.id ?? "", "user")).toMatchObject({ id: grace?.id, role: "user" });
  });

  it("lists users oldest first without their hashes, one page at a time", async () => {
    const { users, total } = await listUsers(db, { limit: 20, offset: 0 });
    expect(users.map((user) => user.email)).toEqual(["ada@example.com", "grace@example.com"]);
    expect(users.every((user) => !("passwordHash" in user))).toBe(true);
    expect(total).toBe(2);
    const second = await listUsers(db, { limit: 1, offset: 1 });
    expect(second).toEqual({ users: [users[1]], total: 2 });
  });

  it("keeps the database from storing upper-case e-mails or unknown roles", async () => {
    await expect(insertUser(db, "Upper@example.com", "hash")).rejects.toThrow(/users_email_lower/);
    await expect(db.query("UPDATE users SET role = 'root'")).rejects.toThrow(/check constraint/);
  });
});
