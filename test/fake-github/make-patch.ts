/**
 * A unified-diff hunk between two versions of a file, the way `pulls.listFiles` returns `patch`
 * (hunks only, no file header): one hunk around the changed region with up to 3 context lines.
 */
export function makePatch(
  before: string | undefined,
  after: string | undefined,
): { patch: string; additions: number; deletions: number } {
  const old = before === undefined || before === "" ? [] : before.replace(/\n$/, "").split("\n");
  const next = after === undefined || after === "" ? [] : after.replace(/\n$/, "").split("\n");
  let prefix = 0;
  while (prefix < old.length && prefix < next.length && old[prefix] === next[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < old.length - prefix &&
    suffix < next.length - prefix &&
    old[old.length - 1 - suffix] === next[next.length - 1 - suffix]
  )
    suffix += 1;
  const removed = old.slice(prefix, old.length - suffix);
  const added = next.slice(prefix, next.length - suffix);
  if (removed.length === 0 && added.length === 0) return { patch: "", additions: 0, deletions: 0 };
  const contextBefore = Math.min(3, prefix);
  const contextAfter = Math.min(3, suffix);
  const oldStart = prefix - contextBefore;
  const before3 = old.slice(oldStart, prefix);
  const after3 = old.slice(old.length - suffix, old.length - suffix + contextAfter);
  const oldCount = before3.length + removed.length + after3.length;
  const newCount = before3.length + added.length + after3.length;
  const header = `@@ -${oldCount === 0 ? 0 : oldStart + 1},${oldCount} +${newCount === 0 ? 0 : oldStart + 1},${newCount} @@`;
  const lines = [
    header,
    ...before3.map((line) => ` ${line}`),
    ...removed.map((line) => `-${line}`),
    ...added.map((line) => `+${line}`),
    ...after3.map((line) => ` ${line}`),
  ];
  return { patch: lines.join("\n"), additions: added.length, deletions: removed.length };
}
