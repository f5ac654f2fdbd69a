import parseDiff from "parse-diff";

/**
 * Added line numbers (head side, 1-based) of one file's unified-diff patch, as GitHub's
 * `pulls.listFiles` returns it in `patch` (hunks only) or as `git diff` prints it.
 */
export function addedLinesFromPatch(patch: string | undefined): Set<number> {
  const added = new Set<number>();
  if (!patch) return added;
  const text = patch.startsWith("diff --git") || patch.startsWith("--- ") ? patch : `--- a/file\n+++ b/file\n${patch}`;
  for (const file of parseDiff(text)) {
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        if (change.type === "add") added.add(change.ln);
      }
    }
  }
  return added;
}

/** Head-side line numbers that appear in the diff at all (added or context): where GitHub accepts a review comment. */
export function diffLinesFromPatch(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  const text = patch.startsWith("diff --git") || patch.startsWith("--- ") ? patch : `--- a/file\n+++ b/file\n${patch}`;
  for (const file of parseDiff(text)) {
    for (const chunk of file.chunks) {
      for (const change of chunk.changes) {
        if (change.type === "add") lines.add(change.ln);
        else if (change.type === "normal") lines.add(change.ln2);
      }
    }
  }
  return lines;
}
