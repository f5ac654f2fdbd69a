import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEnvFileIfPresent } from "../src/env-file.js";

describe("loadEnvFileIfPresent", () => {
  let dir: string;
  const variable = "ENV_FILE_TEST_VALUE";

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "env-file-"));
  });

  afterEach(async () => {
    delete process.env[variable];
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the variables of an existing file", async () => {
    const file = join(dir, ".env");
    await writeFile(file, `${variable}=from-file\n`);
    expect(loadEnvFileIfPresent(file)).toBe(true);
    expect(process.env[variable]).toBe("from-file");
  });

  it("does nothing when the file does not exist", () => {
    expect(loadEnvFileIfPresent(join(dir, "missing.env"))).toBe(false);
    expect(process.env[variable]).toBeUndefined();
  });
});
