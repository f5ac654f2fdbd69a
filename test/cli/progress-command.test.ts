import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runProgressCommand } from "../../src/cli/progress-command.js";
import type { ReviewCommandIo as CommandIo } from "../../src/cli/review-command.js";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CommandIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, cwd };
  return { value, out, err };
}

// Opening the embedded database (PGlite) takes a few seconds, many more on a loaded machine.
describe("npm run progress", { timeout: 240_000 }, () => {
  let dir: string;
  let repo: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "apprentice-progress-"));
    repo = join(dir, "repo");
    mkdirSync(join(repo, "src"), { recursive: true });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("config", "user.email", "ada@example.com");
    git("config", "user.name", "Ada");
    writeFileSync(join(repo, "src/a.ts"), "export const a = 1;\n");
    git("add", "-A");
    git("commit", "-qm", "init");
    for (const n of [1, 2, 3]) {
      writeFileSync(
        join(repo, `src/f${n}.ts`),
        `export function f${n}(x: number) {\n  console.log(x);\n  return x + 1;\n}\n`,
      );
      git("add", "-A");
      git("commit", "-qm", `add f${n}`);
    }
    env = { APPRENTICE_DATA_DIR: join(dir, "data") };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reviews each commit once, caches them, and reports recurring themes as JSON", async () => {
    const first = io(dir);
    expect(await runProgressCommand(["--repo", repo, "--format", "json"], first.value, { env })).toBe(0);
    expect(first.err.filter((line) => line.startsWith("reviewing commit"))).toHaveLength(3);
    const report = JSON.parse(first.out.join("")) as {
      reviews: { commit: string; criteria: unknown[] }[];
      recurring: { ruleId: string; count: number; firstCommit: string }[];
    };
    expect(report.reviews).toHaveLength(3);
    expect(report.reviews[0]?.criteria.length).toBeGreaterThan(0);
    const consoleLog = report.recurring.find((t) => t.ruleId === "console-log");
    expect(consoleLog?.count).toBe(3);
    expect(consoleLog?.firstCommit).toBe(report.reviews[0]?.commit);

    const second = io(dir);
    expect(await runProgressCommand(["--repo", repo], second.value, { env })).toBe(0);
    expect(second.err.filter((line) => line.startsWith("reviewing commit"))).toEqual([]);
    const text = second.out.join("");
    expect(text).toContain("3 commits, 0 reviewed now, 3 from the cache");
    expect(text).toMatch(/Recurring themes[\s\S]*console-log/);
    expect(text).toMatch(/Focus next:\n {2}1\. /);
  });

  it("stops between commits when aborted, leaving what was stored", async () => {
    const stop = new AbortController();
    stop.abort();
    const run = io(dir);
    expect(
      await runProgressCommand(["--repo", repo, "-n", "2"], run.value, {
        env: { APPRENTICE_DATA_DIR: join(dir, "other") },
        signal: stop.signal,
      }),
    ).toBe(0);
    expect(run.err.join("")).toContain("stopped: 0 new commits stored");
  });

  it("says clearly when the folder is not a repository", async () => {
    const run = io(dir);
    expect(await runProgressCommand(["--repo", join(dir, "nope")], run.value, { env })).toBe(2);
    expect(run.err.join("")).toContain("repository folder not found");
  });
});
