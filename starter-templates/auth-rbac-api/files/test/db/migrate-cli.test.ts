import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runMigrateCli } from "../../src/db/migrate-cli.js";
import { captureLog } from "../helpers/capture-log.js";

describe("runMigrateCli", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "migrate-cli-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("applies the migrations to the configured database, then reports it is up to date", async () => {
    const env = { DATA_DIR: dir };
    const first = captureLog();
    expect(await runMigrateCli(env, first.stream)).toBe(0);
    expect(first.lines()).toEqual([
      expect.objectContaining({
        msg: "migrations applied",
        applied: ["001_create_users.sql", "002_create_refresh_tokens.sql", "003_create_notes.sql"],
      }),
    ]);

    const second = captureLog();
    expect(await runMigrateCli(env, second.stream)).toBe(0);
    expect(second.lines()).toEqual([expect.objectContaining({ msg: "database is up to date", applied: [] })]);
  });
});
