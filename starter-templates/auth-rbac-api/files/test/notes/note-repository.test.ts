import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteNote, findNote, insertNote, listNotes, updateNote } from "../../src/notes/note-repository.js";
import { insertUser } from "../../src/users/user-repository.js";
import type { Db } from "../../src/db/db.js";
import { createTestDb } from "../helpers/test-db.js";

describe("note repository", () => {
  let db: Db;
  let ada: string;
  let grace: string;

  beforeAll(async () => {
    db = await createTestDb();
    ada = (await insertUser(db, "ada@example.com", "hash"))?.id ?? "";
    grace = (await insertUser(db, "grace@example.com", "hash"))?.id ?? "";
  });

  afterAll(async () => {
    await db.close();
  });

  it("inserts a note and finds it for its owner only", async () => {
    const note = await insertNote(db, ada, "Shopping", "milk");
    expect(note).toMatchObject({ title: "Shopping", body: "milk" });
    expect(await findNote(db, ada, note.id)).toEqual(note);
    expect(await findNote(db, grace, note.id)).toBeUndefined();
  });

  it("lists a user's notes, newest first, and nobody else's", async () => {
    await insertNote(db, grace, "Grace's", "");
    await insertNote(db, ada, "Later", "");
    const firstPage = { limit: 20, offset: 0 };
    const adas = await listNotes(db, ada, firstPage);
    expect(adas.notes.map((note) => note.title)).toEqual(["Later", "Shopping"]);
    expect(adas.total).toBe(2);
    expect((await listNotes(db, grace, firstPage)).notes.map((note) => note.title)).toEqual(["Grace's"]);
    expect(await listNotes(db, ada, { limit: 1, offset: 1 })).toEqual({ notes: [adas.notes[1]], total: 2 });
  });

  it("updates only the given fields, and only for the owner", async () => {
    const note = await insertNote(db, ada, "Draft", "first");
    const updated = await updateNote(db, ada, note.id, { body: "second" });
    expect(updated).toMatchObject({ title: "Draft", body: "second" });
    expect(Date.parse(updated?.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(note.updatedAt));
    expect(await updateNote(db, grace, note.id, { title: "Stolen" })).toBeUndefined();
    expect(await findNote(db, ada, note.id)).toMatchObject({ title: "Draft" });
  });

  it("deletes only the owner's note", async () => {
    const note = await insertNote(db, ada, "Temporary", "");
    expect(await deleteNote(db, grace, note.id)).toBe(false);
    expect(await deleteNote(db, ada, note.id)).toBe(true);
    expect(await deleteNote(db, ada, note.id)).toBe(false);
  });
});
