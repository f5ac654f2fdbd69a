/**
 * A relative import resolved to a repository path with Node's and TypeScript's rules: `./dao` -> `dao.ts`,
 * `dao.js`, `dao/index.ts`; TypeScript's ESM style `./dao.js` -> `dao.ts`. Shared by the cross-file taint
 * analysis and the front ends that pass a change's imported modules to the review. Bare specifiers (packages)
 * and paths leaving the repository resolve to nothing.
 *
 * Path aliases are resolved by convention, not from tsconfig.json (which the review input need not hold):
 * `@/x` and `~/x` name `src/x` or `x` from the repository root (the Next.js, Nuxt and Vite default), and
 * `src/x` names `src/x` (a `baseUrl: "."` import, common in NestJS). A guess that names no file of the
 * repository resolves to nothing, so an npm package is never taken for a project module.
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

const ALIAS = /^[@~]\/(.+)$/;

/** Whether a specifier can name a module of the project (relative, or an alias of the kinds above). */
export function isProjectSpecifier(specifier: string): boolean {
  return (
    specifier.startsWith("./") || specifier.startsWith("../") || ALIAS.test(specifier) || specifier.startsWith("src/")
  );
}

/** The repository path a relative (or aliased) specifier of `fromPath` names, when `exists` says that file is there. */
export function resolveModulePath(
  fromPath: string,
  specifier: string,
  exists: (path: string) => boolean,
): string | undefined {
  const alias = ALIAS.exec(specifier)?.[1];
  if (alias !== undefined)
    return resolveBase(posix.normalize(`src/${alias}`), exists) ?? resolveBase(posix.normalize(alias), exists);
  if (specifier.startsWith("src/")) return resolveBase(posix.normalize(specifier), exists);
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  return resolveBase(posix.normalize(posix.join(posix.dirname(fromPath), specifier)), exists);
}

function resolveBase(base: string, exists: (path: string) => boolean): string | undefined {
  if (base.startsWith("../")) return undefined;
  const candidates = [base];
  const extension = posix.extname(base);
  for (const replacement of SOURCE_FOR_OUTPUT[extension] ?? [])
    candidates.push(base.slice(0, -extension.length) + replacement);
  for (const added of EXTENSIONS) candidates.push(base + added);
  for (const added of EXTENSIONS) candidates.push(`${base}/index${added}`);
  return candidates.find(exists);
}
