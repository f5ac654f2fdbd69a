import { describe, expect, it } from "vitest";
import { lintWithTaintRules } from "./lint-with-taint-rules.js";

describe("taint messages fit where the input comes from", () => {
  it("words a CLI reading process.argv as the command line, not as a request to a server", () => {
    const [finding] = lintWithTaintRules(
      "import { execSync } from 'node:child_process';\nexecSync(`git log ${process.argv[2]}`);\n",
      "bin/log.ts",
    );
    expect(finding?.category).toBe("command-injection");
    expect(finding?.message).toContain("A command-line argument reaches a dangerous call here");
    expect(finding?.message).toContain("whoever runs the command");
    expect(finding?.message).not.toMatch(/a request|on the server|Untrusted input/);
  });

  it("keeps the server wording for input from a request", () => {
    const code =
      "import { exec } from 'node:child_process';\napp.get('/x', (req, res) => exec(`ls ${req.query.dir}`));\n";
    const [finding] = lintWithTaintRules(code, "src/app.ts");
    expect(finding?.message).toContain("Untrusted input reaches a dangerous call here");
    expect(finding?.message).toContain("a request can run anything on the server");
  });
});
