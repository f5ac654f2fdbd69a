import { posix } from "node:path";

const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
/** TypeScript ESM writes the emitted extension: `./foo.js` means `./foo.ts`. */
const EMITTED_TO_SOURCE: Record<string, string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};
/** Common path aliases for the source root. */
const ALIASES = ["@/", "~/", "#/", "src/"];

function candidates(base: string): string[] {
  const extension = posix.extname(base);
  const list = [base];
  const sources = EMITTED_TO_SOURCE[extension];
  if (sources) list.push(...sources.map((source) => base.slice(0, -extension.length) + source));
  list.push(...EXTENSIONS.map((ext) => base + ext));
  list.push(...EXTENSIONS.map((ext) => `${base}/index${ext}`));
  return list;
}

function firstExisting(base: string, paths: ReadonlySet<string>): string | undefined {
  return candidates(posix.normalize(base)).find((candidate) => paths.has(candidate));
}

/**
 * The repository path a module specifier points at, or undefined for packages and unknown files.
 * Relative specifiers resolve with or without extension, `.js` to `.ts` as TypeScript ESM does, and
 * to `index` files; `@/`, `~/`, `#/` and `src/` are tried as aliases of `src/`.
 */
export function resolveImport(fromPath: string, specifier: string, paths: ReadonlySet<string>): string | undefined {
  if (specifier.startsWith("./") || specifier.startsWith("../") || specifier === "." || specifier === "..") {
    const base = posix.join(posix.dirname(fromPath), specifier);
    if (base.startsWith("../")) return undefined;
    return firstExisting(base, paths);
  }
  for (const alias of ALIASES) {
    if (!specifier.startsWith(alias)) continue;
    const rest = specifier.slice(alias.length);
    return firstExisting(`src/${rest}`, paths) ?? firstExisting(rest, paths);
  }
  return undefined;
}
