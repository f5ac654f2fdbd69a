/** The cross-file summaries' budget: a review that runs out of it says it is partial, and names where. */
import { describe, expect, it } from "vitest";
import { taintChecks } from "../../../../src/checks/security/taint/index.js";
import { SUMMARY_BUDGET } from "../../../../src/checks/security/taint/analysis/function-summary.js";
import { checksById } from "../../../../src/checks/registry.js";
import { repoConfigSchema } from "../../../../src/contract/repo-config.js";
import { rubricSchema } from "../../../../src/contract/rubric-schema.js";
import type { ChangedFile } from "../../../../src/contract/types.js";
import { review } from "../../../../src/review/review.js";

const rubric = rubricSchema.parse({
  id: "taint-only",
  title: "Taint only",
  criteria: [
    {
      id: "security",
      title: "Security",
      levels: [{ name: "any", min: 0 }],
      checks: taintChecks.map((check) => ({ id: check.id })),
    },
  ],
});

const PER_FILE = 50;

function file(path: string, lines: string[]): ChangedFile {
  const content = lines.join("\n") + "\n";
  return { path, status: "added", content, addedLines: new Set(lines.map((_, index) => index + 1)) };
}

/** `count` helpers in files of PER_FILE, each splicing its parameter into SQL, and one route calling every one with input. */
function project(count: number, salt: string): ChangedFile[] {
  const helperFiles: ChangedFile[] = [];
  const imports: string[] = [];
  const calls: string[] = [];
  for (let start = 0; start < count; start += PER_FILE) {
    const names = Array.from({ length: Math.min(PER_FILE, count - start) }, (_, index) => `find${start + index}`);
    const path = `src/dao/part${start / PER_FILE}.js`;
    helperFiles.push(
      file(path, [
        `// ${salt}`,
        "import { pool } from '../db.js';",
        ...names.map(
          (name) => `export function ${name}(q) { return pool.query("SELECT * FROM t WHERE a = '" + q + "'"); }`,
        ),
      ]),
    );
    imports.push(`import { ${names.join(", ")} } from '../dao/part${start / PER_FILE}.js';`);
    calls.push(...names.map((name) => `  await ${name}(req.query.q);`));
  }
  const routes = file("src/routes/search.js", [
    "import express from 'express';",
    ...imports,
    "const router = express.Router();",
    "router.get('/search', async (req, res) => {",
    ...calls,
    "  res.json({ ok: true });",
    "});",
    "export default router;",
  ]);
  return [routes, ...helperFiles];
}

function run(files: ChangedFile[]) {
  return review(
    {
      files,
      repoPaths: files.map((entry) => entry.path),
      relatedFiles: [],
      config: repoConfigSchema.parse({ filter: "nofilter" }),
      rubric,
    },
    { registry: checksById },
  );
}

describe("cross-file summary budget", () => {
  it("a review within the budget is complete", () => {
    const result = run(project(20, `within ${Date.now()}`));
    expect(result.partial).toBe(false);
    expect(result.skipped).toEqual([]);
  });

  it("a review that runs out of it is partial, naming the file it ran out in", () => {
    const result = run(project(SUMMARY_BUDGET + 50, `beyond ${Date.now()}`));
    expect(result.partial).toBe(true);
    expect(result.conclusion).not.toBe("success");
    const limits = result.skipped.filter((entry) => entry.reason.startsWith("analysis budget reached"));
    expect(limits).toHaveLength(1);
    expect(limits[0]?.path).toBe("src/routes/search.js");
    expect(limits[0]?.reason).toContain(`${SUMMARY_BUDGET} functions`);
    // The helpers report their own parameter in SQL; the calls past the budget are not followed into them.
    expect(result.stats.filesSkipped).toBe(0);
  });
});
