import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runProjectScript } from "../../src/scaffold/install-dependencies.js";

describe("runProjectScript", () => {
  let dir: string;

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function project(scripts: Record<string, string>): void {
    dir = mkdtempSync(join(tmpdir(), "project-script-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "p", version: "0.0.0", scripts }));
  }

  it("runs the script in the project without the DATABASE_URL of the caller's environment", async () => {
    project({ seen: "node -e \"require('fs').writeFileSync('seen', process.env.DATABASE_URL ?? 'unset')\"" });
    const env = { ...process.env, DATABASE_URL: "postgres://someone@db.example/production" };
    expect(await runProjectScript(dir, "seen", "ignore", env)).toBeUndefined();
    expect(readFileSync(join(dir, "seen"), "utf8")).toBe("unset");
  });

  it("says which script failed and with which exit code", async () => {
    project({ broken: 'node -e "process.exit(3)"' });
    expect(await runProjectScript(dir, "broken", "ignore")).toBe("npm run broken exited with code 3");
  });
});
