/** `npm run review` on a change that touches only a handler: the unchanged modules it imports reach the security checks. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { simpleGit } from "simple-git";
import { beforeAll, describe, expect, it } from "vitest";
import { runReviewCommand } from "../../src/cli/review-command.js";

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

let repo: string;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "apprentice-cross-file-"));
  const git = simpleGit(repo);
  await git.init(["--initial-branch=main"]);
  await git
    .addConfig("user.name", "Test")
    .addConfig("user.email", "test@example.invalid")
    .addConfig("commit.gpgsign", "false");
  write(repo, {
    "src/services/manuals.ts":
      "import { readStored } from '../storage/files';\nexport async function manual(name: string) {\n  return readStored(name.trim());\n}\n",
    "src/storage/files.ts":
      "import fs from 'node:fs';\nexport function readStored(name: string) {\n  return fs.promises.readFile(`/srv/manuals/${name}`, 'utf8');\n}\n",
  });
  await git.add(".").commit("base");
  await git.checkoutLocalBranch("feature");
  write(repo, {
    "src/routes/manuals.ts":
      "import { Router } from 'express';\nimport { manual } from '../services/manuals';\nexport const manuals = Router();\nmanuals.get('/', async (req, res) => {\n  res.send(await manual(String(req.query.name)));\n});\n",
  });
  await git.add(".").commit("feature");
});

describe("npm run review: input crossing into unchanged files", () => {
  it("reports the changed handler's call, traced through the unchanged service and storage modules it imports", async () => {
    let stdout = "";
    const code = await runReviewCommand(["--repo", repo, "--format", "json", "--no-uncommitted"], {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      color: false,
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; path: string; line: number; trace?: string }[] };
    const found = report.findings.filter((finding) => finding.ruleId === "path-traversal");
    expect(found.map((finding) => `${finding.path}:${finding.line}`)).toEqual(["src/routes/manuals.ts:5"]);
    expect(found[0]?.trace).toContain(
      "manual() -> name -> readStored() -> name -> file path of fs.promises.readFile() at src/storage/files.ts:3",
    );
  });
});
