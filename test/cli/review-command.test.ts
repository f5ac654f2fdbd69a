import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { simpleGit } from "simple-git";
import { beforeAll, describe, expect, it } from "vitest";
import { runReviewCommand } from "../../src/cli/review-command.js";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(args: string[], cwd = process.cwd()): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runReviewCommand(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    color: false,
    cwd,
  });
  return { code, stdout, stderr };
}

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

let repo: string;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "apprentice-cli-"));
  const git = simpleGit(repo);
  await git.init(["--initial-branch=main"]);
  await git
    .addConfig("user.name", "Test")
    .addConfig("user.email", "test@example.invalid")
    .addConfig("commit.gpgsign", "false");
  write(repo, { "src/old.ts": "export function old(a: number) {\n  return a == 1;\n}\n", "README.md": "# Demo\n" });
  await git.add(".").commit("base");
  await git.checkoutLocalBranch("feature");
  write(repo, {
    "src/new.ts":
      "export function add(a: number, b: number) {\n  return a + b;\n}\n\nexport const broken = (x: number) => { if (x == 2) { return 1 } return 0 };\n",
  });
  await git.add(".").commit("feature");
  write(repo, { "src/wip.ts": "export const wip = (a: number) => a == 3;\n", "src/bad.ts": "export const = ;\n" });
});

describe("npm run review", () => {
  it("reviews the branch against the default branch, with uncommitted files, as JSON", async () => {
    const { code, stdout, stderr } = await run(["--repo", repo, "--format", "json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      findings: { ruleId: string; path: string; line: number; level: string }[];
      criteria: { id: string }[];
    };
    const paths = new Set(report.findings.map((finding) => finding.path));
    expect(paths.has("src/old.ts")).toBe(false);
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: "parse-error", path: "src/bad.ts", line: 1, level: "essential" }),
    );
    expect(report.criteria.map((criterion) => criterion.id)).toEqual([
      "tests",
      "security",
      "clean-code",
      "api-design",
      "operations",
      "database",
    ]);
  });

  it("leaves uncommitted changes out with --no-uncommitted, and reviews only up to --head", async () => {
    const { stdout } = await run(["--repo", repo, "--format", "json", "--no-uncommitted"]);
    const report = JSON.parse(stdout) as { findings: { path: string }[] };
    expect(report.findings.some((finding) => finding.path === "src/bad.ts")).toBe(false);
    const head = JSON.parse(
      (await run(["--repo", repo, "--format", "json", "--head", "main", "--base", "main"])).stdout,
    ) as { findings: unknown[] };
    expect(head.findings).toEqual([]);
  });

  it("reviews every file with --all", async () => {
    const { stdout } = await run(["--repo", repo, "--format", "json", "--all", "--no-uncommitted"]);
    const report = JSON.parse(stdout) as { findings: { path: string }[] };
    expect(new Set(report.findings.map((finding) => finding.path))).toContain("src/old.ts");
  });

  it("sets the exit code with --fail-on", async () => {
    expect((await run(["--repo", repo, "--format", "json", "--fail-on", "essential"])).code).toBe(1);
    expect((await run(["--repo", repo, "--format", "json", "--fail-on", "essential", "--no-uncommitted"])).code).toBe(
      0,
    );
  });

  it("prints readable text without colour codes when not a terminal", async () => {
    const { stdout } = await run(["--repo", repo]);
    expect(stdout).toContain("src/bad.ts");
    expect(stdout).not.toContain("\u001b[");
  });

  it("answers bad input with one clear line and exit code 2", async () => {
    const missing = await run(["--repo", join(repo, "nope")]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toMatch(/^apprentice: repository folder not found: .*nope\n$/);
    const ref = await run(["--repo", repo, "--base", "no-such-branch"]);
    expect(ref.stderr).toBe(`apprentice: unknown ref "no-such-branch" (--base) in ${repo}\n`);
    expect(ref.code).toBe(2);
    const rubric = await run(["--repo", repo, "--rubric", "no-such-rubric"]);
    expect(rubric.stderr).toMatch(/^apprentice: rubric "no-such-rubric" not found/);
    expect(rubric.code).toBe(2);
    const notGit = mkdtempSync(join(tmpdir(), "apprentice-nogit-"));
    expect((await run(["--repo", notGit])).stderr).toMatch(/^apprentice: not a git repository/);
    const format = await run(["--repo", repo, "--format", "xml"]);
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/--format must be one of text, markdown, json, sarif/);
  });

  it("names the file and property path of a broken .github/apprentice.yml", async () => {
    const broken = mkdtempSync(join(tmpdir(), "apprentice-cfg-"));
    const git = simpleGit(broken);
    await git.init(["--initial-branch=main"]);
    write(broken, {
      ".github/apprentice.yml": "filter: everywhere\nmaxInlineComments: 5\n",
      "src/a.ts": "export const a = 1;\n",
    });
    const { code, stderr } = await run(["--repo", broken, "--all"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`apprentice: invalid ${broken}/.github/apprentice.yml`);
    expect(stderr).toMatch(
      / {2}filter: expected one of "added", "diff_context", "file", "nofilter"; got "everywhere"$/m,
    );
  });

  it("lists the checks", async () => {
    const { code, stdout } = await run(["--list-checks"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^parse-error +clean-code +essential/m);
  });
});
