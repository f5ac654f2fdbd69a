import { posix } from "node:path";
import type { Language } from "../contract/check.js";

const JS_EXTENSIONS = new Set([".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts"]);
const TEMPLATE_EXTENSIONS = new Set([".ejs", ".hbs", ".handlebars", ".pug", ".jade", ".njk", ".mustache"]);
const HTML_EXTENSIONS = new Set([".html", ".htm"]);
const BINARY_EXTENSIONS = new Set([
  ".png",
  ".jpg",
  ".jpeg",
  ".gif",
  ".webp",
  ".ico",
  ".bmp",
  ".tiff",
  ".pdf",
  ".zip",
  ".gz",
  ".tgz",
  ".bz2",
  ".xz",
  ".7z",
  ".rar",
  ".jar",
  ".war",
  ".class",
  ".woff",
  ".woff2",
  ".ttf",
  ".otf",
  ".eot",
  ".mp3",
  ".mp4",
  ".mov",
  ".avi",
  ".wav",
  ".ogg",
  ".webm",
  ".exe",
  ".dll",
  ".so",
  ".dylib",
  ".bin",
  ".wasm",
  ".node",
  ".sqlite",
  ".db",
  ".pglite",
]);

/** True for a `.d.ts`-style declaration file, which holds types only. */
export function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/.test(path);
}

/** True when the file name alone says the file is binary. */
export function hasBinaryExtension(path: string): boolean {
  return BINARY_EXTENSIONS.has(posix.extname(path).toLowerCase());
}

/**
 * The language of a file by its name: "js" for JavaScript and TypeScript in all their module flavours,
 * "template" for server-side templates, "html", "env" for dotenv files, "text" for any other text file.
 * Undefined for files known to be binary.
 */
export function languageOf(path: string): Language | undefined {
  const base = posix.basename(path);
  const extension = posix.extname(base).toLowerCase();
  if (BINARY_EXTENSIONS.has(extension)) return undefined;
  if (base === ".env" || base.startsWith(".env.") || extension === ".env") return "env";
  if (JS_EXTENSIONS.has(extension)) return "js";
  if (TEMPLATE_EXTENSIONS.has(extension)) return "template";
  if (HTML_EXTENSIONS.has(extension)) return "html";
  return "text";
}
