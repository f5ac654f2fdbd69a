import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScaffoldCommand } from "../../src/scaffold/run-scaffold-command.js";
import { scaffold, type ScaffoldOptions } from "../../src/scaffold/scaffold.js";
import { findTemplate } from "../../src/scaffold/template-registry.js";
import { startFakeGithub, type FakeGithub } from "./helpers/fake-github.js";
import { VALID_TEMPLATES, useTempDirs } from "./helpers/fixtures.js";

const TOKEN = "ghp_fakeTokenForTests0123456789";
const tempDir = useTempDirs();
let github: FakeGithub;

beforeEach(async () => {
  github = await startFakeGithub({ token: TOKEN, login: "octo-learner", orgs: ["bootcamp"], gitDir: tempDir() });
});
afterEach(async () => {
  expect(github.violations).toEqual([]);
  await github.close();
});

function options(out: string, target: string, extra: Partial<ScaffoldOptions> = {}): ScaffoldOptions {
  return {
    template: findTemplate("mini-api", VALID_TEMPLATES),
    projectName: "shop-api",
    out,
    install: false,
    github: target,
    env: { ...process.env, GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url },
    ...extra,
  };
}

/** Every file under a folder, as text, to prove the token was never written. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString("latin1"))
    .join("\n");
}

describe("scaffold --github", () => {
  it("creates the user's repository, pushes main and opens one labelled issue per exercise", async () => {
    const out = join(tempDir(), "shop-api");
    const result = await scaffold(options(out, "octo-learner/shop-api"));
    expect(github.requests.map((request) => request.operationId)).toEqual([
      "users/get-authenticated",
      "repos/create-for-authenticated-user",
      "issues/list-for-repo",
      "issues/create-label",
      "issues/create-label",
      "issues/create-label",
      "issues/create-label",
      "issues/create-label",
      "issues/create-label",
      "issues/create",
      "issues/create",
      "issues/create",
      "issues/create",
      "issues/create",
    ]);
    const repository = github.repositories.get("octo-learner/shop-api");
    expect(repository?.issues.map((issue) => issue.title)).toEqual([
      "Add tests for the greeting",
      "Validate the name parameter",
      "Index the lookup column",
      "Log every request with its id",
      "Run the tests in CI",
    ]);
    const second = repository?.issues[1];
    expect(second?.labels).toEqual(["exercise", "secure-coding"]);
    expect(second?.body).toContain("Reject names longer than 50 characters.");
    expect(second?.body).toContain(
      "## Acceptance criteria\n\n- [ ] The change comes with a test that fails without it.",
    );
    expect(second?.body).toContain("## Tips\n\n- Use zod.\n- Return 400.");
    expect(second?.body).toContain(
      "<details><summary>Stuck? A hint</summary>\n\nWhich test would fail today?\n\n<details><summary>Still stuck? The approach</summary>",
    );
    expect(second?.body).toContain("Apprentice will check: [`sql-injection`](");
    expect(second?.body).toMatch(/- .+ \(`security`\)\n- .+ \(`clean-code`\)/);
    expect(result.github).toEqual({
      url: "https://github.example/octo-learner/shop-api",
      issuesCreated: expect.any(Array),
      issuesSkipped: [],
      pushed: true,
    });

    const bare = repository?.bareDir ?? "";
    expect(execFileSync("git", ["--git-dir", bare, "log", "--format=%s", "main"], { encoding: "utf8" }).trim()).toBe(
      "Start shop-api from the mini-api template (1.2.0)",
    );
    expect(
      execFileSync("git", ["--git-dir", bare, "show", "main:.github/apprentice.yml"], { encoding: "utf8" }),
    ).toContain("rubric: junior-backend");
    const base64 = Buffer.from(`x-access-token:${TOKEN}`).toString("base64");
    for (const text of [allText(out), JSON.stringify(result)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(base64);
    }
    expect(readFileSync(join(out, ".git", "config"), "utf8")).toContain(`url = file://`);
  });

  it("creates the repository in an organisation when OWNER is not the user", async () => {
    await scaffold(options(join(tempDir(), "p"), "bootcamp/shop-api", { git: true }));
    expect(github.requests.map((request) => request.operationId)).toContain("repos/create-in-org");
    expect(github.repositories.get("bootcamp/shop-api")?.issues).toHaveLength(5);
  });

  it("refuses an existing repository without --force and writes nothing", async () => {
    await scaffold(options(join(tempDir(), "first"), "octo-learner/shop-api"));
    const parent = tempDir();
    await expect(scaffold(options(join(parent, "second"), "octo-learner/shop-api"))).rejects.toThrow(
      "The GitHub repository octo-learner/shop-api already exists. Choose another name with --github, or pass --force to push to it and add the missing exercise issues.",
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it("is idempotent with --force: reuses the repository and adds only missing issues", async () => {
    await scaffold(options(join(tempDir(), "first"), "octo-learner/shop-api", { git: true }));
    const repository = github.repositories.get("octo-learner/shop-api");
    repository?.issues.splice(3);
    const bare = repository?.bareDir ?? "";
    const pushedHead = execFileSync("git", ["--git-dir", bare, "rev-parse", "main"], { encoding: "utf8" }).trim();
    const again = join(tempDir(), "again");
    const rerun = await scaffold(options(again, "octo-learner/shop-api", { force: true }));
    expect(rerun.github?.pushed).toBe(false);
    expect(execFileSync("git", ["--git-dir", bare, "rev-parse", "main"], { encoding: "utf8" }).trim()).toBe(pushedHead);
    expect(execFileSync("git", ["rev-parse", "HEAD"], { cwd: again, encoding: "utf8" }).trim()).toBe(pushedHead);
    expect(rerun.github?.issuesCreated).toEqual(["Log every request with its id", "Run the tests in CI"]);
    expect(rerun.github?.issuesSkipped).toHaveLength(3);
    expect(repository?.issues).toHaveLength(5);
  }, 60_000);

  it("turns a rejected token into a one-line error and leaves nothing behind", async () => {
    const parent = tempDir();
    const run = scaffold({
      ...options(join(parent, "p"), "octo-learner/shop-api"),
      env: { GITHUB_TOKEN: "wrong", GITHUB_API_URL: github.url },
    });
    await expect(run).rejects.toThrow(
      'GitHub rejected the token while checking who the token belongs to (401 Bad credentials). Create a new token with the "repo" scope and set GITHUB_TOKEN to it.',
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it("exits with code 2 and one line on stderr when GitHub rejects the request, without printing the token", async () => {
    const parent = tempDir();
    let stdout = "";
    let stderr = "";
    const args = [
      "--templates-dir",
      VALID_TEMPLATES,
      "-t",
      "mini-api",
      "-n",
      "shop-api",
      "-o",
      join(parent, "p"),
      "--no-install",
      "--github",
      "someone/shop-api",
    ];
    const io = { stdout: (text: string) => (stdout += text), stderr: (text: string) => (stderr += text) };
    expect(
      await runScaffoldCommand(args, { ...io, env: { GITHUB_TOKEN: "not-the-token", GITHUB_API_URL: github.url } }),
    ).toBe(2);
    expect(stderr).toMatch(
      /^GitHub rejected the token while checking who the token belongs to \(401 Bad credentials\)\. [^\n]+\n$/,
    );
    expect(await runScaffoldCommand(args, { ...io, env: { GITHUB_TOKEN: TOKEN, GITHUB_API_URL: github.url } })).toBe(2);
    expect(stderr.split("\n")[1]).toBe(
      "GitHub found nothing while creating the repository someone/shop-api (404). Check the owner in --github, and that the token can see that organisation.",
    );
    expect(stdout).toBe("");
    expect(stderr).not.toContain(TOKEN);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("requires GITHUB_TOKEN, a well-formed OWNER/NAME and git", async () => {
    const parent = tempDir();
    await expect(scaffold({ ...options(join(parent, "p"), "octo-learner/shop-api"), env: {} })).rejects.toThrow(
      /^--github needs a token in the GITHUB_TOKEN environment variable\./,
    );
    await expect(scaffold(options(join(parent, "p"), "no-slash"))).rejects.toThrow(
      '--github "no-slash" is not OWNER/NAME.',
    );
    await expect(scaffold(options(join(parent, "p"), "octo/../x"))).rejects.toThrow("is not OWNER/NAME");
    await expect(scaffold(options(join(parent, "p"), "octo-learner/shop-api", { git: false }))).rejects.toThrow(
      "--github needs git to push the project. Remove --no-git, or drop --github.",
    );
    expect(readdirSync(parent)).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});
