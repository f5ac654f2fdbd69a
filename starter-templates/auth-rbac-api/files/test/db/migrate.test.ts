import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { listMigrations, migrate } from "../../src/db/migrate.js";
import { createEmptyTestDb, createTestDb } from "../helpers/test-db.js";

describe("listMigrations", () => {
  it("lists the project's migrations in order", async () => {
    const files = await listMigrations(join(import.meta.dirname, "../../migrations"));
    expect(files).toEqual(["001_create_users.sql", "002_create_refresh_tokens.sql", "003_create_notes.sql"]);
  });
});

describe("migrate", () => {
  let dir: string;
  let db: Db;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "migrations-"));
    db = await createEmptyTestDb();
  });

  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("applies pending migrations in order, once, and ignores other files", async () => {
    await writeFile(join(dir, "002_add_size.sql"), "ALTER TABLE boxes ADD COLUMN size int;");
    await writeFile(join(dir, "001_create_boxes.sql"), "CREATE TABLE boxes (id int);");
    await writeFile(join(dir, "notes.txt"), "not a migration");

    expect(await migrate(db, dir)).toEqual(["001_create_boxes.sql", "002_add_size.sql"]);
    expect(await migrate(db, dir)).toEqual([]);
    const applied = await db.query<{ name: string }>("SELECT name FROM schema_migrations ORDER BY name");
    expect(applied.map((row) => row.name)).toEqual(["001_create_boxes.sql", "002_add_size.sql"]);
  });

  it("applies nothing when one migration fails", async () => {
    await writeFile(join(dir, "001_create_boxes.sql"), "CREATE TABLE boxes (id int);");
    await writeFile(join(dir, "002_broken.sql"), "ALTER TABLE missing ADD COLUMN size int;");

    await expect(migrate(db, dir)).rejects.toThrow(/missing/);
    expect(await db.query("SELECT to_regclass('boxes') AS boxes")).toEqual([{ boxes: null }]);
  });

  it("creates the app's tables on the test database", async () => {
    const testDb = await createTestDb();
    try {
      const rows = await testDb.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables
          WHERE table_schema = current_schema() ORDER BY table_name`,
      );
      expect(rows.map((row) => row.table_name)).toEqual(["notes", "refresh_tokens", "schema_migrations", "users"]);
    } finally {
      await testDb.close();
    }
  });
});
