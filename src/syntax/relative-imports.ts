/**
 * The modules a JavaScript/TypeScript file imports from relative paths (`import ... from "./dao"`,
 * `require("../db")`, `import("./lazy")`, `export ... from "./x"`) and project aliases (`@/dao`, `~/dao`,
 * `src/dao`: see resolve-module-path.ts), read from its text without parsing it, so
 * a front end can pass a change's imported modules to the review cheaply. A string that only looks like an
 * import (inside a comment, say) costs one extra file, never a wrong finding.
 */
import { resolveModulePath } from "./resolve-module-path.js";

const SPECIFIER =
  /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)["']((?:\.{1,2}|[@~]|src)\/[^"'\n]+)["']/g;

/** Repository paths of the relative imports of `path` that `exists` knows. */
export function relativeImports(path: string, content: string, exists: (path: string) => boolean): string[] {
  const found = new Set<string>();
  for (const match of content.matchAll(SPECIFIER)) {
    const resolved = resolveModulePath(path, match[1] ?? "", exists);
    if (resolved && resolved !== path) found.add(resolved);
  }
  return [...found];
}
