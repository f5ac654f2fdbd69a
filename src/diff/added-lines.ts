import parseDiff from "parse-diff";

/** The changes of one file's patch: GitHub's `patch` field (hunks only) or a whole `git diff`. */
function changesOf(patch: string): parseDiff.Change[] {
  const text = patch.startsWith("diff --git") || patch.startsWith("--- ") ? patch : `--- a/file\n+++ b/file\n${patch}`;
  return parseDiff(text).flatMap((file) => file.chunks.flatMap((chunk) => chunk.changes));
}

/**
 * Added line numbers (head side, 1-based) of one file's unified-diff patch, as GitHub's
 * `pulls.listFiles` returns it in `patch` (hunks only) or as `git diff` prints it.
 */
export function addedLinesFromPatch(patch: string | undefined): Set<number> {
  const added = new Set<number>();
  if (!patch) return added;
  for (const change of changesOf(patch)) if (change.type === "add") added.add(change.ln);
  return added;
}

/** Head-side line numbers that appear in the diff at all (added or context): where GitHub accepts a review comment. */
export function diffLinesFromPatch(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  for (const change of changesOf(patch)) {
    if (change.type === "add") lines.add(change.ln);
    else if (change.type === "normal") lines.add(change.ln2);
  }
  return lines;
}
