import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { VALID_TEMPLATES, useTempDirs } from "./helpers/fixtures.js";

const tempDir = useTempDirs();
const ROOT = resolve(import.meta.dirname, "../..");
const TSX = createRequire(import.meta.url).resolve("tsx/cli");

/** Runs `npm run scaffold -- ...` as a separate process (tsx src/scaffold/cli.ts), with stdin left open and no TTY. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      [TSX, join(ROOT, "src/scaffold/cli.ts"), "--templates-dir", VALID_TEMPLATES, ...args],
      { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

describe("scaffold CLI process", () => {
  it("never waits for input without a TTY: a missing value is an error naming the flag, exit 2", async () => {
    const result = await cli(["--template", "mini-api"], { ...process.env, CI: "1" });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "Missing --name. Pass --name with the project's npm package name, for example --name my-tasks-api.\n",
    });
  });

  it("reports a missing git in one line with exit 2 and leaves nothing behind", async () => {
    const parent = tempDir();
    const emptyPath = tempDir();
    const result = await cli(["-t", "mini-api", "-n", "shop-api", "-o", join(parent, "shop-api"), "--no-install"], {
      HOME: process.env.HOME,
      PATH: emptyPath,
    });
    expect(result.stderr).toBe(
      "git was not found. Install git (https://git-scm.com/downloads) and make sure it is on your PATH, or pass --no-git.\n",
    );
    expect(result.code).toBe(2);
    expect(readdirSync(parent)).toEqual([]);
  });
});
