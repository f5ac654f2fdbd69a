import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "../src/load-env-file.js";

describe("loadEnvFile", () => {
  afterEach(() => {
    delete process.env.LOAD_ENV_FILE_TEST;
  });

  it("loads variables from the file when it exists", () => {
    const file = join(mkdtempSync(join(tmpdir(), "env-")), ".env");
    writeFileSync(file, "LOAD_ENV_FILE_TEST=from-file\n");
    loadEnvFile(file);
    expect(process.env.LOAD_ENV_FILE_TEST).toBe("from-file");
  });

  it("does nothing when the file is missing", () => {
    loadEnvFile(join(tmpdir(), "no-such-dir", ".env"));
    expect(process.env.LOAD_ENV_FILE_TEST).toBeUndefined();
  });
});
