import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../src/db/create-db.js";
import { migrate } from "../../src/db/migrate.js";
import { runMakeAdminCli } from "../../src/users/make-admin-cli.js";
import { findUserByEmail, insertUser } from "../../src/users/user-repository.js";
import { createLogger } from "../../src/logger.js";
import { createLogCapture } from "../helpers/log-capture.js";
import { freshPgliteDataDir } from "../helpers/pglite-data-dir.js";

describe("runMakeAdminCli", () => {
  let dir: string;
  const env = () => ({ NODE_ENV: "test", PGLITE_DATA_DIR: dir });

  beforeAll(async () => {
    dir = freshPgliteDataDir("make-admin-");
    const db = await createDb({ databaseUrl: undefined, pgliteDataDir: dir }, createLogger("silent"));
    await migrate(db);
    await insertUser(db, "ada@example.com", "hash");
    await db.close();
  });

  afterAll(async () => {
    await rm(dirname(dir), { recursive: true, force: true });
  });

  it("gives an existing user the admin role", async () => {
    const log = createLogCapture();
    expect(await runMakeAdminCli(["ADA@example.com"], env(), log)).toBe(0);
    expect(log.lines.at(-1)).toMatchObject({ msg: "the user is now an admin" });

    const db = await createDb({ databaseUrl: undefined, pgliteDataDir: dir }, createLogger("silent"));
    try {
      expect(await findUserByEmail(db, "ada@example.com")).toMatchObject({ role: "admin" });
    } finally {
      await db.close();
    }
  });

  it("exits with 1 when nobody has that e-mail address", async () => {
    const log = createLogCapture();
    expect(await runMakeAdminCli(["nobody@example.com"], env(), log)).toBe(1);
    expect(JSON.stringify(log.lines)).toContain("register first");
  });

  it("exits with 2 and shows the usage without exactly one e-mail address", async () => {
    for (const args of [[], ["not-an-email"], ["a@example.com", "b@example.com"]]) {
      const log = createLogCapture();
      expect(await runMakeAdminCli(args, env(), log)).toBe(2);
      expect(JSON.stringify(log.lines)).toContain("usage: npm run make-admin");
    }
  });
});
