import type { CheckContext, SourceFile } from "../../../src/contract/check.js";

/**
 * A CheckContext for the service-wide checks: `whole` is a whole-project review (`--all`: no added lines),
 * otherwise every file is new, as in a first pull request; `status` overrides that per file.
 */
export function serviceContext(
  files: Record<string, string>,
  options: { whole?: boolean; status?: Record<string, SourceFile["status"]>; otherPaths?: string[] } = {},
): CheckContext {
  const sources: SourceFile[] = Object.entries(files).map(([path, content]) => ({
    path,
    content,
    language: /\.[cm]?[jt]sx?$/.test(path) ? "js" : "text",
    status: options.status?.[path] ?? (options.whole ? "modified" : "added"),
    addedLines: options.whole ? new Set() : new Set(content.split("\n").map((_, index) => index + 1)),
  }));
  return {
    files: sources,
    repoPaths: [...Object.keys(files), ...(options.otherPaths ?? [])].sort(),
    relatedFiles: [],
    options: {},
  };
}
