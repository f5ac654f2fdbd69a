import { lstatSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Eta } from "eta";
import { outputPath } from "./output-path.js";
import { ScaffoldError } from "./scaffold-error.js";
import type { VariableValue } from "./variable-value.js";

export interface RenderedFile {
  /** Posix path relative to the project folder. */
  path: string;
  content: Buffer;
  /** File mode bits from the template (keeps scripts executable). */
  mode: number;
}

/** Output is not HTML (JSON, Markdown, TypeScript), so interpolations are not XML-escaped. */
const eta = new Eta({ autoEscape: false, useWith: false, cache: false });

/** Template file paths (posix, relative to `filesDir`), sorted. A symbolic link is refused. */
export function listSourceFiles(filesDir: string, prefix = ""): string[] {
  const paths: string[] = [];
  for (const entry of readdirSync(join(filesDir, prefix), { withFileTypes: true })) {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isSymbolicLink())
      throw new ScaffoldError(
        `Template file "${relative}" is a symbolic link. Replace it with a real file in the template.`,
      );
    if (entry.isDirectory()) paths.push(...listSourceFiles(filesDir, relative));
    else if (entry.isFile()) paths.push(relative);
  }
  return paths.sort();
}

function renderEta(sourcePath: string, text: string, variables: Readonly<Record<string, VariableValue>>): string {
  try {
    return eta.renderString(text, variables);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new ScaffoldError(
      `Template file "${sourcePath}" could not be rendered with Eta: ${reason}. Fix the template.`,
    );
  }
}

function renderLayer(filesDir: string, variables: Readonly<Record<string, VariableValue>>): RenderedFile[] {
  const files: RenderedFile[] = [];
  const sources = new Map<string, string>();
  for (const sourcePath of listSourceFiles(filesDir)) {
    const path = outputPath(sourcePath, variables);
    const previous = sources.get(path);
    if (previous !== undefined)
      throw new ScaffoldError(
        `Template files "${previous}" and "${sourcePath}" both render to "${path}". Rename one of them.`,
      );
    sources.set(path, sourcePath);
    const absolute = join(filesDir, sourcePath);
    const raw = readFileSync(absolute);
    const content = sourcePath.endsWith(".eta")
      ? Buffer.from(renderEta(sourcePath, raw.toString("utf8"), variables), "utf8")
      : raw;
    files.push({ path, content, mode: lstatSync(absolute).mode & 0o777 });
  }
  return files;
}

/**
 * Renders files/ folders in memory, in order (a base's first, then the template's): `.eta` files through
 * Eta (variables as `it.<name>`), every other file byte for byte. A later folder's file replaces an earlier
 * one's that renders to the same path; two files of one folder rendering to one path is an error. Nothing
 * is written. The result is sorted by path.
 */
export function renderTemplate(
  filesDirs: readonly string[],
  variables: Readonly<Record<string, VariableValue>>,
): RenderedFile[] {
  const byPath = new Map<string, RenderedFile>();
  for (const filesDir of filesDirs) {
    for (const file of renderLayer(filesDir, variables)) byPath.set(file.path, file);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
