/**
 * A relative import resolved to a repository path with Node's and TypeScript's rules: `./dao` -> `dao.ts`,
 * `dao.js`, `dao/index.ts`; TypeScript's ESM style `./dao.js` -> `dao.ts`. Shared by the cross-file taint
 * analysis and the front ends that pass a change's imported modules to the review. Bare specifiers (packages)
 * and paths leaving the repository resolve to nothing.
 */
import { posix } from "node:path";

const EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"];
/** TypeScript's ESM style imports `./dao.js` for `dao.ts`. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

/** The repository path a relative specifier of `fromPath` names, when `exists` says that file is there. */
export function resolveModulePath(
  fromPath: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  if (base.startsWith("../")) return undefined;
  const candidates = [base];
  const extension = posix.extname(base);
  for (const replacement of SOURCE_FOR_OUTPUT[extension] ?? [])
    candidates.push(base.slice(0, -extension.length) + replacement);
  for (const added of EXTENSIONS) candidates.push(base + added);
  for (const added of EXTENSIONS) candidates.push(`${base}/index${added}`);
  return candidates.find(exists);
}
