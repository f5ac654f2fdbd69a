import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { MAX_FILE_BYTES } from "../review/skip-reason.js";
import type { Blob } from "./read-blobs.js";

/** Sizes and contents (up to MAX_FILE_BYTES) of files as they are in the working tree, by repository path. */
export function readWorkingTree(root: string, paths: readonly string[]): Map<string, Blob> {
  const blobs = new Map<string, Blob>();
  for (const path of paths) {
    const file = join(root, path);
    try {
      const { size } = statSync(file);
      blobs.set(path, size > MAX_FILE_BYTES ? { size } : { size, content: readFileSync(file, "utf8") });
    } catch {
      // deleted in the working tree, or unreadable: content stays unavailable and the file is listed as skipped
    }
  }
  return blobs;
}
