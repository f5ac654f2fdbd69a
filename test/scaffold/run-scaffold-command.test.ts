import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Prompter } from "../../src/scaffold/prompter.js";
import { runScaffoldCommand } from "../../src/scaffold/run-scaffold-command.js";
import { ScaffoldError } from "../../src/scaffold/scaffold-error.js";
import { INVALID_TEMPLATES, VALID_TEMPLATES, useTempDirs } from "./helpers/fixtures.js";

const tempDir = useTempDirs();

async function run(args: string[], prompter?: Prompter): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runScaffoldCommand(["--templates-dir", VALID_TEMPLATES, ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: {},
    prompter,
  });
  return { code, stdout, stderr };
}

/** A prompter that answers from a script and records the questions; it fails the test on an unexpected question. */
function scripted(answers: Record<string, string | boolean>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = (message: string): string | boolean => {
    asked.push(message);
    const value = answers[message];
    if (value === undefined) throw new Error(`unexpected question: ${message}`);
    return value;
  };
  return {
    asked,
    select: async (message, options) => {
      const value = String(answer(message));
      if (!options.some((option) => option.value === value)) throw new Error(`${value} is not an option of ${message}`);
      return value;
    },
    text: async (message, options) => {
      const value = String(answer(message));
      const problem = options.validate(value);
      if (problem !== undefined) throw new ScaffoldError(`prompt refused "${value}": ${problem}`);
      return value;
    },
    confirm: async (message) => answer(message) === true,
  };
}

describe("scaffold command, non-interactive", () => {
  it("--list shows id, difficulty and description of each template", async () => {
    const { code, stdout } = await run(["--list"]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      "mini-api  beginner      A tiny fixture API used by the scaffolder's tests.\npath-var  intermediate  A fixture whose file names use a variable.\n",
    );
  });

  it("--list reports a broken manifest with its file and property path, exit 2", async () => {
    let errors = "";
    const code = await runScaffoldCommand(["--list", "--templates-dir", INVALID_TEMPLATES], {
      stdout: () => undefined,
      stderr: (text) => void (errors += text),
      env: {},
    });
    expect(code).toBe(2);
    expect(errors).toMatch(
      /^Invalid template: .*bad-manifest\/template\.yml: version: expected a semantic version such as 1\.0\.0; got "one";.*Fix the template manifest\.\n$/,
    );
    expect(errors.split("\n")).toHaveLength(2);
  });

  it("creates a project from flags only", async () => {
    const out = join(tempDir(), "shop-api");
    const { code, stdout, stderr } = await run([
      "--template",
      "mini-api",
      "--name",
      "shop-api",
      "--out",
      out,
      "--var",
      "port=5000",
      "--var",
      "flavour=postgres",
      "--no-install",
      "--no-git",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("files).");
    expect(stdout).toContain("Next steps:");
    expect(readFileSync(join(out, "src", "shop-api.ts"), "utf8")).toContain('export const flavour = "postgres";');
  });

  it("prints the tree and writes nothing with --dry-run", async () => {
    const parent = tempDir();
    const { code, stdout } = await run(["-t", "mini-api", "-n", "shop-api", "-o", join(parent, "x"), "--dry-run"]);
    expect(code).toBe(0);
    expect(stdout.startsWith("x/\n├── .apprentice/\n│   └── template.json\n")).toBe(true);
    expect(stdout).toContain("Dry run: nothing was written.");
    expect(readdirSync(parent)).toEqual([]);
  });

  it("names the flag of a missing value instead of waiting for input", async () => {
    expect(await run(["--name", "shop-api"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Missing --template. Pass --template with one of: mini-api, path-var (see --list).\n",
    });
    expect(await run(["--template", "mini-api"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "Missing --name. Pass --name with the project's npm package name, for example --name my-tasks-api.\n",
    });
  });

  it("answers bad input with one line and exit code 2, writing nothing", async () => {
    const parent = tempDir();
    const out = join(parent, "p");
    const cases: [string[], string][] = [
      [
        ["--template", "blog"],
        'Unknown template "blog". Pass --template with one of: mini-api, path-var (see --list).\n',
      ],
      [
        ["--template", "mini-api", "--var", "port=80"],
        'Variable "port" must be at least 1024 (got "80"). Fix --var port=...\n',
      ],
      [
        ["--template", "mini-api", "--var", "flavour=mysql"],
        'Variable "flavour" must be one of: postgres, pglite (got "mysql"). Fix --var flavour=...\n',
      ],
      [
        ["--template", "mini-api", "--var", "colour=red"],
        'Unknown variable "colour" for template mini-api. Its variables are: port, greeting, useCache, flavour; remove --var colour=... or fix its name.\n',
      ],
      [["--template", "mini-api", "--bogus"], "unknown option '--bogus'. See --help.\n"],
    ];
    for (const [args, message] of cases) {
      expect(await run([...args, "--name", "shop-api", "--out", out, "--no-install"])).toEqual({
        code: 2,
        stdout: "",
        stderr: message,
      });
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it("refuses a non-empty target without --force", async () => {
    const out = tempDir();
    writeFileSync(join(out, "keep.txt"), "mine");
    const result = await run(["-t", "mini-api", "-n", "shop-api", "-o", out, "--no-install"]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: `The folder ${out} is not empty. Choose another folder with --out, or pass --force to replace its contents.\n`,
    });
    expect(readdirSync(out)).toEqual(["keep.txt"]);
  });
});

describe("scaffold command, interactive", () => {
  it("asks for the template, name, variables and folder, validating answers", async () => {
    const out = join(tempDir(), "shop");
    const prompter = scripted({
      "Which template?": "mini-api",
      "Project name (an npm package name)": "shop",
      "Port the API listens on": "4321",
      "Greeting word": "hey",
      "Add a cache?": true,
      "Database flavour": "postgres",
      "Folder to create": out,
      [`Create shop from template mini-api in ${out}?\n  port: 4321\n  greeting: hey\n  useCache: true\n  flavour: postgres`]: true,
    });
    const { code, stderr } = await run(["--no-install", "--no-git"], prompter);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(prompter.asked).toHaveLength(8);
    expect(readFileSync(join(out, "src", "shop.ts"), "utf8")).toBe(
      'export const port = 4321;\nexport const greeting = "hey & welcome";\nexport const useCache = true;\nexport const flavour = "postgres";\n',
    );
  });

  it("writes nothing when the summary is not confirmed", async () => {
    const out = join(tempDir(), "shop");
    const prompter = scripted({
      "Project name (an npm package name)": "shop",
      [`Create shop from template mini-api in ${out}?\n  port: 4321\n  greeting: hey\n  useCache: true\n  flavour: postgres`]: false,
    });
    const { code, stderr } = await run(
      [
        "-t",
        "mini-api",
        "-o",
        out,
        "--no-install",
        "--no-git",
        "--var",
        "port=4321",
        "--var",
        "greeting=hey",
        "--var",
        "useCache=true",
        "--var",
        "flavour=postgres",
      ],
      prompter,
    );
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: "Nothing was written. Run the command again to choose other answers.\n",
    });
    expect(existsSync(out)).toBe(false);
  });

  it("with --yes asks only for what has no default", async () => {
    const parent = tempDir();
    const prompter = scripted({ "Project name (an npm package name)": "shop" });
    const code = await runScaffoldCommand(
      ["--templates-dir", VALID_TEMPLATES, "-t", "mini-api", "--yes", "--dry-run", "-o", join(parent, "shop")],
      {
        stdout: () => undefined,
        stderr: () => undefined,
        env: {},
        prompter,
      },
    );
    expect(code).toBe(0);
    expect(prompter.asked).toEqual(["Project name (an npm package name)"]);
  });

  it("rejects an invalid typed answer through the prompt's validation", async () => {
    const prompter = scripted({ "Which template?": "mini-api", "Project name (an npm package name)": "Not Valid" });
    const { code, stderr } = await run(["--dry-run"], prompter);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^prompt refused "Not Valid": must be a valid npm package name/);
    expect(existsSync(join(process.cwd(), "Not Valid"))).toBe(false);
  });
});
