import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { migrate, NO_TRANSACTION_MARKER, runsInTransaction } from "../../src/db/migrate.js";
import { createTestDb } from "../helpers/test-db.js";

describe("migrate", () => {
  let db: Db;
  let directory: string;

  beforeAll(async () => {
    db = await createTestDb();
    directory = mkdtempSync(join(tmpdir(), "migrations-"));
    writeFileSync(join(directory, "001_create_notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY);");
    writeFileSync(join(directory, "002_add_text.sql"), "ALTER TABLE notes ADD COLUMN body text;\nCREATE INDEX notes_body_idx ON notes (body);");
    writeFileSync(join(directory, "README.md"), "not a migration");
  });

  afterAll(async () => {
    await db.close();
  });

  it("applies pending SQL files in order and records them", async () => {
    expect(await migrate(db, directory)).toEqual(["001_create_notes.sql", "002_add_text.sql"]);
    await db.query("INSERT INTO notes (id, body) VALUES ($1, $2)", [1, "hello"]);
    const recorded = await db.query("SELECT name FROM schema_migrations WHERE name = ANY($1) ORDER BY name", [
      ["001_create_notes.sql", "002_add_text.sql"],
    ]);
    expect(recorded).toEqual([{ name: "001_create_notes.sql" }, { name: "002_add_text.sql" }]);
  });

  it("applies nothing twice", async () => {
    expect(await migrate(db, directory)).toEqual([]);
  });

  it("rolls back a failing migration and does not record it", async () => {
    writeFileSync(join(directory, "003_broken.sql"), "CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;");
    await expect(migrate(db, directory)).rejects.toThrow(/no_such_table/);
    const tables = await db.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'");
    expect(tables).toEqual([]);
    const recorded = await db.query("SELECT 1 FROM schema_migrations WHERE name = '003_broken.sql'");
    expect(recorded).toEqual([]);
  });

  it("has already applied the project's own migrations", async () => {
    const rows = await db.query<{ name: string }>("SELECT name FROM schema_migrations WHERE name = '001_create_tasks.sql'");
    expect(rows).toHaveLength(1);
  });
});

describe("migrate, with a migration marked to run outside a transaction", () => {
  let db: Db;
  let directory: string;

  beforeAll(async () => {
    db = await createTestDb();
    directory = mkdtempSync(join(tmpdir(), "migrations-"));
    writeFileSync(join(directory, "001_create_events.sql"), "CREATE TABLE events (id int PRIMARY KEY, kind text);");
  });

  afterAll(async () => {
    await db.close();
  });

  it("refuses CREATE INDEX CONCURRENTLY in an ordinary migration, which runs in a transaction", async () => {
    writeFileSync(join(directory, "002_index_kind.sql"), "CREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);");
    await expect(migrate(db, directory)).rejects.toThrow(/transaction block/);
    expect(await db.query("SELECT name FROM schema_migrations WHERE name = '002_index_kind.sql'")).toEqual([]);
  });

  it("builds the index concurrently when the first line is the marker, and records the migration", async () => {
    writeFileSync(
      join(directory, "002_index_kind.sql"),
      `${NO_TRANSACTION_MARKER}\n-- Built without blocking writes to events.\nCREATE INDEX CONCURRENTLY events_kind_idx ON events (kind);\n`,
    );
    expect(await migrate(db, directory)).toEqual(["002_index_kind.sql"]);
    const indexes = await db.query("SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'events_kind_idx'::regclass");
    expect(indexes).toEqual([{ valid: true }]);
    expect(await migrate(db, directory)).toEqual([]);
  });

  it("reads the marker only on the first line", () => {
    expect(runsInTransaction(`${NO_TRANSACTION_MARKER}\nCREATE INDEX CONCURRENTLY a ON t (x);`)).toBe(false);
    expect(runsInTransaction(`\n  ${NO_TRANSACTION_MARKER}  \nCREATE INDEX CONCURRENTLY a ON t (x);`)).toBe(false);
    expect(runsInTransaction(`-- Adds an index.\n${NO_TRANSACTION_MARKER}\nCREATE INDEX a ON t (x);`)).toBe(true);
    expect(runsInTransaction("CREATE TABLE t (x int);")).toBe(true);
  });
});
