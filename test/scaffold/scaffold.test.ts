import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleGit } from "simple-git";
import { describe, expect, it } from "vitest";
import { scaffold, type ScaffoldOptions } from "../../src/scaffold/scaffold.js";
import { ScaffoldError } from "../../src/scaffold/scaffold-error.js";
import { findTemplate } from "../../src/scaffold/template-registry.js";
import { VALID_TEMPLATES, useTempDirs } from "./helpers/fixtures.js";

const tempDir = useTempDirs();
const now = new Date("2026-03-04T05:06:07.000Z");

function options(out: string, extra: Partial<ScaffoldOptions> = {}): ScaffoldOptions {
  return {
    template: findTemplate("mini-api", VALID_TEMPLATES),
    projectName: "shop-api",
    out,
    install: false,
    now,
    ...extra,
  };
}

/** Everything in `dir`, recursively, for "nothing was left behind" assertions. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
}

describe("scaffold", () => {
  it("writes the rendered project, the template record and the review config, and commits on main", async () => {
    const out = join(tempDir(), "shop-api");
    const result = await scaffold(options(out, { vars: { port: "8080" } }));
    expect(result.written).toBe(true);
    expect(readFileSync(join(out, "src", "shop-api.ts"), "utf8")).toContain("export const port = 8080;");
    expect(JSON.parse(readFileSync(join(out, ".apprentice", "template.json"), "utf8"))).toEqual({
      templateId: "mini-api",
      templateVersion: "1.2.0",
      answers: { projectName: "shop-api", port: 8080, greeting: "hello", useCache: false, flavour: "pglite" },
      apprenticeVersion: expect.stringMatching(/^\d+\.\d+\.\d+/),
      createdAt: "2026-03-04T05:06:07.000Z",
    });
    expect(readFileSync(join(out, ".github", "apprentice.yml"), "utf8")).toContain("rubric: junior-backend");
    const exercises = readFileSync(join(out, "EXERCISES.md"), "utf8");
    expect(exercises.startsWith("# Exercises for shop-api (Mini API)\n")).toBe(true);
    expect(exercises).toContain(
      "| 2 | [Validate the name parameter](#2-validate-the-name-parameter) | secure-coding | security, clean-code |",
    );
    expect(exercises).toContain(
      "\n## 2. Validate the name parameter\n\n**Skill:** secure-coding. **Id:** `validate-input`.\n\nReject names longer than 50 characters.\n\n### Acceptance criteria\n",
    );
    expect(statSync(join(out, "scripts", "check.sh")).mode & 0o777).toBe(0o755);
    const git = simpleGit(out);
    expect((await git.branchLocal()).current).toBe("main");
    const log = await git.log();
    expect(log.total).toBe(1);
    expect(log.latest?.message).toBe("Start shop-api from the mini-api template (1.2.0)");
    expect((await git.status()).isClean()).toBe(true);
    expect((await git.raw(["ls-files"])).split("\n")).toEqual(
      expect.arrayContaining([".apprentice/template.json", ".gitignore", "logo.png"]),
    );
  });

  it("writes nothing on --dry-run and returns the file tree", async () => {
    const parent = tempDir();
    const result = await scaffold(options(join(parent, "shop-api"), { dryRun: true }));
    expect(result.written).toBe(false);
    expect(result.tree.split("\n")[0]).toBe("shop-api/");
    expect(result.files).toEqual(
      expect.arrayContaining([".apprentice/template.json", ".github/apprentice.yml", "src/shop-api.ts"]),
    );
    expect(entries(parent)).toEqual([]);
  });

  it("skips git with git: false", async () => {
    const out = join(tempDir(), "p");
    await scaffold(options(out, { git: false }));
    expect(existsSync(join(out, ".git"))).toBe(false);
    expect(existsSync(join(out, "package.json"))).toBe(true);
  });

  it("refuses a non-empty folder without force, and replaces it with force", async () => {
    const out = tempDir();
    writeFileSync(join(out, "notes.txt"), "mine");
    await expect(scaffold(options(out, { git: false }))).rejects.toThrow(
      `The folder ${out} is not empty. Choose another folder with --out, or pass --force to replace its contents.`,
    );
    expect(entries(out)).toEqual(["notes.txt"]);
    await scaffold(options(out, { git: false, force: true }));
    expect(existsSync(join(out, "notes.txt"))).toBe(false);
    expect(existsSync(join(out, "package.json"))).toBe(true);
  });

  it("explains an output path whose parent is a file", async () => {
    const parent = tempDir();
    writeFileSync(join(parent, "file"), "x");
    await expect(scaffold(options(join(parent, "file", "p"), { git: false }))).rejects.toThrow(
      /^Cannot create a folder in \S+\/file \((EEXIST|ENOTDIR)\)\. Choose another folder with --out\.$/,
    );
    expect(entries(parent)).toEqual(["file"]);
  });

  it("fills an existing empty folder", async () => {
    const out = tempDir();
    await scaffold(options(out, { git: false }));
    expect(existsSync(join(out, "package.json"))).toBe(true);
  });

  it("refuses a project name that is not a valid npm package name", async () => {
    const parent = tempDir();
    await expect(scaffold(options(join(parent, "x"), { projectName: "Shop API" }))).rejects.toThrow(
      /^Project name "Shop API" must be a valid npm package name .*Fix --name\.$/,
    );
    expect(entries(parent)).toEqual([]);
  });

  it("refuses a variable value that would escape the project folder through a file name, writing nothing", async () => {
    const parent = tempDir();
    const template = findTemplate("path-var", VALID_TEMPLATES);
    for (const folder of ["..", "../outside", "/etc"]) {
      await expect(scaffold({ ...options(join(parent, "p"), { template }), vars: { folder } })).rejects.toThrow(
        ScaffoldError,
      );
    }
    expect(entries(parent)).toEqual([]);
  });

  it("reports a missing git clearly and leaves nothing behind, not even a parent folder it created", async () => {
    const parent = tempDir();
    const out = join(parent, "new", "deeper", "shop-api");
    await expect(scaffold(options(out, { gitBinary: "git-not-installed-here" }))).rejects.toThrow(
      "git was not found. Install git (https://git-scm.com/downloads) and make sure it is on your PATH, or pass --no-git.",
    );
    expect(entries(parent)).toEqual([]);
  });

  it("runs npm install after the move and commits the package-lock.json it writes", async () => {
    const out = join(tempDir(), "shop-api");
    const result = await scaffold(options(out, { install: true, installOutput: "ignore" }));
    expect(result.installError).toBeUndefined();
    expect(existsSync(join(out, "package-lock.json"))).toBe(true);
    const git = simpleGit(out);
    expect((await git.log()).all.map((commit) => commit.message)).toEqual([
      "Lock dependency versions (npm install)",
      "Start shop-api from the mini-api template (1.2.0)",
    ]);
    expect((await git.status()).isClean()).toBe(true);
  });

  it("runs the manifest's afterInstall scripts after npm install, and reports the one that fails", async () => {
    const mini = findTemplate("mini-api", VALID_TEMPLATES);
    const withScripts = (afterInstall: string[]) => ({ ...mini, manifest: { ...mini.manifest, afterInstall } });
    const good = join(tempDir(), "good-api");
    const passed = await scaffold(
      options(good, { template: withScripts(["env"]), install: true, installOutput: "ignore" }),
    );
    expect(passed.installError).toBeUndefined();
    expect(passed.setupError).toBeUndefined();

    const bad = join(tempDir(), "bad-api");
    const failed = await scaffold(
      options(bad, { template: withScripts(["no-such-script", "env"]), install: true, installOutput: "ignore" }),
    );
    expect(failed.installError).toBeUndefined();
    expect(failed.setupError).toMatch(/^npm run no-such-script exited with code [1-9]/);
    expect(existsSync(join(bad, "package-lock.json"))).toBe(true);
  });

  it("keeps the project and reports the reason when npm install fails", async () => {
    const out = join(tempDir(), "p");
    const template = findTemplate("path-var", VALID_TEMPLATES);
    mkdirSync(out);
    writeFileSync(join(out, "placeholder"), "x");
    const result = await scaffold({
      ...options(out, { template, git: false, force: true, install: true, installOutput: "ignore" }),
    });
    // path-var has no package.json: npm install in a folder without one fails with ENOENT.
    expect(result.installError).toMatch(/^npm install exited with code [1-9]/);
    expect(existsSync(join(out, "lib", "index.ts"))).toBe(true);
  });
});
