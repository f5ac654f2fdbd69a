/** The modules a file imports from the project, read from its text: what the front ends follow into unchanged files. */
import { describe, expect, it } from "vitest";
import { relativeImports } from "../../src/syntax/relative-imports.js";
import { resolveModulePath } from "../../src/syntax/resolve-module-path.js";

const repo = new Set(["src/db/index.ts", "src/db/users.ts", "lib/util.js", "src/app.ts", "config/env.ts"]);
const exists = (path: string) => repo.has(path);

describe("relativeImports", () => {
  it("finds relative imports, requires and re-exports, resolved with Node's and TypeScript's rules", () => {
    const text = [
      "import { a } from './db/users.js';",
      "const util = require('../lib/util');",
      "export * from './db';",
      "import('./missing');",
    ].join("\n");
    expect(relativeImports("src/app.ts", text, exists).sort()).toEqual([
      "lib/util.js",
      "src/db/index.ts",
      "src/db/users.ts",
    ]);
  });

  it("finds `@/`, `~/` and `src/` aliases that name a file of the repository, never a package", () => {
    const text = [
      "import { a } from '@/db/users';",
      "import { b } from '~/config/env';",
      "import { c } from 'src/db';",
      "import { d } from '@nestjs/common';",
      "import express from 'express';",
    ].join("\n");
    expect(relativeImports("src/routes/x.ts", text, exists).sort()).toEqual([
      "config/env.ts",
      "src/db/index.ts",
      "src/db/users.ts",
    ]);
  });
});

describe("resolveModulePath", () => {
  it("prefers src/ for an alias, falls back to the root, and refuses paths that leave the repository", () => {
    expect(resolveModulePath("a.ts", "@/app", exists)).toBe("src/app.ts");
    expect(resolveModulePath("a.ts", "@/lib/util", exists)).toBe("lib/util.js");
    expect(resolveModulePath("src/app.ts", "../../etc/passwd", exists)).toBeUndefined();
    expect(resolveModulePath("src/app.ts", "pg", exists)).toBeUndefined();
  });
});
