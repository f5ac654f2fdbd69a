import type { CheckContext, SourceFile } from "../../../src/contract/check.js";
import type { RelatedFile } from "../../../src/contract/types.js";

export interface ContextSpec {
  /** Changed files: path -> content. Every line counts as added. */
  changed: Record<string, string>;
  /** Unchanged files whose content the adapter provided. */
  related?: Record<string, string>;
  /** Further repository paths whose content is unknown. */
  otherPaths?: string[];
  options?: Record<string, unknown>;
}

function addedLines(content: string): Set<number> {
  return new Set(content.split("\n").map((_, index) => index + 1));
}

/** A CheckContext for FunctionCheck tests, built from file contents. */
export function makeContext(spec: ContextSpec): CheckContext {
  const files: SourceFile[] = Object.entries(spec.changed).map(([path, content]) => ({
    path,
    content,
    language: "js",
    status: "modified",
    addedLines: addedLines(content),
  }));
  const relatedFiles: RelatedFile[] = Object.entries(spec.related ?? {}).map(([path, content]) => ({ path, content }));
  const repoPaths = [
    ...new Set([
      ...files.map((file) => file.path),
      ...relatedFiles.map((file) => file.path),
      ...(spec.otherPaths ?? []),
    ]),
  ].sort();
  return { files, repoPaths, relatedFiles, options: spec.options ?? {} };
}
