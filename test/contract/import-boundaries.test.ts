/**
 * The shape of the code, enforced: src/contract is a leaf (it imports nothing of ours, only zod and ESLint's
 * types), the engine (src/review, src/rubric) knows neither the front ends nor the check registry, and the report
 * layer (src/report) renders a ReviewResult with what the front end passes in: no checks, no engine.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

interface Rule {
  /** Folder (relative to the project root) whose files the rule constrains. */
  from: string;
  /** Why the rule exists, shown in the failure. */
  because: string;
  /** True when `target` (a project-relative path, or a bare package name) may be imported from `from`. */
  allows(target: string): boolean;
}

const FRONT_ENDS = ["src/app", "src/github", "src/cli", "src/local", "src/scaffold"];
const inside = (target: string, folder: string): boolean => target === folder || target.startsWith(`${folder}/`);

const RULES: readonly Rule[] = [
  {
    from: "src/contract",
    because: "src/contract is the leaf every room shares: it may import only itself, zod and ESLint's types",
    allows: (target) => inside(target, "src/contract") || target === "zod" || target === "eslint",
  },
  {
    from: "src/review",
    because: "the engine is pure: no front end, and the check registry comes in as an argument",
    allows: (target) => ![...FRONT_ENDS, "src/checks"].some((folder) => inside(target, folder)),
  },
  {
    from: "src/rubric",
    because: "the rubric loader takes the check registry as an argument and knows no front end",
    allows: (target) => ![...FRONT_ENDS, "src/checks"].some((folder) => inside(target, folder)),
  },
  {
    from: "src/report",
    because:
      "the report layer renders the contract's ReviewResult and the check metadata the front end passes in: it reaches into neither the checks nor the engine",
    allows: (target) =>
      ![...FRONT_ENDS, "src/checks", "src/review", "src/rubric"].some((folder) => inside(target, folder)),
  },
];

/** Every module a file imports, re-exports or imports dynamically, as a project-relative path or a package name. */
function importsOf(file: string, text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) => {
    if (!fileName.startsWith("."))
      return fileName.startsWith("node:")
        ? fileName
        : fileName
            .split("/")
            .slice(0, fileName.startsWith("@") ? 2 : 1)
            .join("/");
    return relative(ROOT, resolve(dirname(join(ROOT, file)), fileName)).replace(/\.js$/, ".ts");
  });
}

/** "file imports target: because" for every import a rule forbids. */
function violations(files: ReadonlyMap<string, string>, rules: readonly Rule[] = RULES): string[] {
  const found: string[] = [];
  for (const [file, text] of files) {
    for (const rule of rules.filter((candidate) => inside(file, candidate.from))) {
      for (const target of importsOf(file, text))
        if (!rule.allows(target)) found.push(`${file} imports ${target}: ${rule.because}`);
    }
  }
  return found;
}

function sourceFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(SRC, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(ROOT, path), readFileSync(path, "utf8"));
  }
  return files;
}

describe("import boundaries", () => {
  it("holds for every file in src", () => {
    const files = sourceFiles();
    expect([...files.keys()].filter((file) => file.startsWith("src/contract/")).length).toBeGreaterThan(3);
    expect(violations(files)).toEqual([]);
  });

  it("catches a contract file that imports from outside the contract, statically, dynamically or by re-export", () => {
    const files = new Map([
      [
        "src/contract/bad.ts",
        'import type { Finding } from "./types.js";\nimport { grade } from "../review/grade.js";\n',
      ],
      ["src/contract/worse.ts", 'export { x } from "../checks/registry.js";\nconst fs = await import("node:fs");\n'],
      ["src/contract/fine.ts", 'import { z } from "zod";\nimport type { Rule } from "eslint";\n'],
    ]);
    expect(violations(files).map((line) => line.split(": ")[0])).toEqual([
      "src/contract/bad.ts imports src/review/grade.ts",
      "src/contract/worse.ts imports src/checks/registry.ts",
      "src/contract/worse.ts imports node:fs",
    ]);
  });

  it("catches the engine importing a front end or the check registry", () => {
    const files = new Map([
      [
        "src/review/a.ts",
        'import { x } from "../app/create-app.js";\nimport { y } from "../github/collect-input.js";\n',
      ],
      ["src/review/b.ts", 'import { x } from "../cli/review.js";\nimport { y } from "../local/read-blobs.js";\n'],
      [
        "src/rubric/c.ts",
        'import { checksById } from "../checks/registry.js";\nimport { parseYaml } from "../validation/parse-yaml.js";\n',
      ],
      ["src/review/d.ts", 'import { LEVELS } from "../contract/levels.js";\nimport { x } from "./grade.js";\n'],
    ]);
    expect(violations(files).map((line) => line.split(": ")[0])).toEqual([
      "src/review/a.ts imports src/app/create-app.ts",
      "src/review/a.ts imports src/github/collect-input.ts",
      "src/review/b.ts imports src/cli/review.ts",
      "src/review/b.ts imports src/local/read-blobs.ts",
      "src/rubric/c.ts imports src/checks/registry.ts",
    ]);
  });

  it("catches the report layer importing the checks, the engine or a front end", () => {
    const files = new Map([
      [
        "src/report/a.ts",
        'import { allChecks } from "../checks/registry.js";\nimport { levelRank } from "../review/grade.js";\n',
      ],
      [
        "src/report/b.ts",
        'import { x } from "../checks/shared/is-test-file.js";\nimport { y } from "../cli/review.js";\n',
      ],
      [
        "src/report/c.ts",
        'import { levelRank } from "../contract/levels.js";\nimport { LEVEL_STYLE } from "./level-style.js";\nimport picocolors from "picocolors";\n',
      ],
    ]);
    expect(violations(files).map((line) => line.split(": ")[0])).toEqual([
      "src/report/a.ts imports src/checks/registry.ts",
      "src/report/a.ts imports src/review/grade.ts",
      "src/report/b.ts imports src/checks/shared/is-test-file.ts",
      "src/report/b.ts imports src/cli/review.ts",
    ]);
  });
});
