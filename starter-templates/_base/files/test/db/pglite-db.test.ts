import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPgliteDb } from "../../src/db/pglite-db.js";

describe("createPgliteDb", () => {
  it("keeps data in its folder between openings", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "pglite-")), "nested", "data");
    const first = await createPgliteDb(dataDir);
    await first.exec("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept');");
    await first.close();

    const second = await createPgliteDb(dataDir);
    expect(await second.query("SELECT body FROM notes")).toEqual([{ body: "kept" }]);
    await second.close();
  });

  it("starts empty in memory without a folder", async () => {
    const db = await createPgliteDb();
    expect(await db.query("SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname = 'public'")).toEqual([
      { tables: 0 },
    ]);
    await db.close();
  });
});
