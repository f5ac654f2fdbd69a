import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteNote, findNote, insertNote, listNotes, updateNote } from "../../src/notes/note-repository.js";
import { insertUser } from "../../src/users/user-repository.js";
import { createTestDb, type TestDb } from "../helpers/test-db.js";

describe("note repository", () => {
  let testDb: TestDb;
  let ada: string;
  let grace: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    ada = (await insertUser(testDb.db, "ada@example.com", "hash"))?.id ?? "";
    grace = (await insertUser(testDb.db, "grace@example.com", "hash"))?.id ?? "";
  });

  afterAll(async () => {
    await testDb.dispose();
  });

  it("inserts a note and finds it for its owner only", async () => {
    const note = await insertNote(testDb.db, ada, "Shopping", "milk");
    expect(note).toMatchObject({ title: "Shopping", body: "milk" });
    expect(await findNote(testDb.db, ada, note.id)).toEqual(note);
    expect(await findNote(testDb.db, grace, note.id)).toBeUndefined();
  });

  it("lists a user's notes, newest first, and nobody else's", async () => {
    await insertNote(testDb.db, grace, "Grace's", "");
    await insertNote(testDb.db, ada, "Later", "");
    expect((await listNotes(testDb.db, ada)).map((note) => note.title)).toEqual(["Later", "Shopping"]);
    expect((await listNotes(testDb.db, grace)).map((note) => note.title)).toEqual(["Grace's"]);
  });

  it("updates only the given fields, and only for the owner", async () => {
    const note = await insertNote(testDb.db, ada, "Draft", "first");
    const updated = await updateNote(testDb.db, ada, note.id, { body: "second" });
    expect(updated).toMatchObject({ title: "Draft", body: "second" });
    expect(Date.parse(updated?.updatedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(note.updatedAt));
    expect(await updateNote(testDb.db, grace, note.id, { title: "Stolen" })).toBeUndefined();
    expect(await findNote(testDb.db, ada, note.id)).toMatchObject({ title: "Draft" });
  });

  it("deletes only the owner's note", async () => {
    const note = await insertNote(testDb.db, ada, "Temporary", "");
    expect(await deleteNote(testDb.db, grace, note.id)).toBe(false);
    expect(await deleteNote(testDb.db, ada, note.id)).toBe(true);
    expect(await deleteNote(testDb.db, ada, note.id)).toBe(false);
  });
});
