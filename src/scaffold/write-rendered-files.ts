import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import type { RenderedFile } from "./render-template.js";
import { ScaffoldError } from "./scaffold-error.js";

/** Writes rendered files under `dir`; a path that would resolve outside `dir` is refused before anything is written. */
export async function writeRenderedFiles(dir: string, files: readonly RenderedFile[]): Promise<void> {
  const root = resolve(dir);
  const targets = files.map((file) => {
    const target = resolve(root, file.path);
    if (!target.startsWith(root + sep))
      throw new ScaffoldError(
        `File "${file.path}" would be written outside the project folder. Fix the template's file names.`,
      );
    return { target, file };
  });
  for (const { target, file } of targets) {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, { mode: file.mode });
  }
}
