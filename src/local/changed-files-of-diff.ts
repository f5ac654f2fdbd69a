import parseDiff from "parse-diff";
import type { ChangedFile, ChangeStatus } from "../contract/types.js";

function statusOf(file: parseDiff.File): ChangeStatus {
  if (file.new) return "added";
  if (file.deleted) return "removed";
  if (file.from && file.to && file.from !== file.to) return "renamed";
  return "modified";
}

/**
 * The files a `git diff -U0 -M` output changes, by path (the old path for a removed file), with their added
 * lines on the head side and, for a rename, the previous path. Contents are filled in by the caller.
 */
export function changedFilesOfDiff(diffText: string): Map<string, ChangedFile> {
  const changed = new Map<string, ChangedFile>();
  for (const entry of parseDiff(diffText)) {
    const status = statusOf(entry);
    const path = status === "removed" ? entry.from : entry.to;
    if (!path || path === "/dev/null") continue;
    const addedLines = new Set<number>();
    for (const chunk of entry.chunks)
      for (const change of chunk.changes) if (change.type === "add") addedLines.add(change.ln);
    changed.set(path, {
      path,
      status,
      addedLines,
      ...(status === "renamed" && entry.from ? { previousPath: entry.from } : {}),
    });
  }
  return changed;
}
