import type { Finding } from "../contract/types.js";

/**
 * One root cause, one finding: when a check fires more than `limit` times in one review, the first `limit`
 * findings (most important first, one per file before a second in the same file, so they show the variety)
 * stay where they are and the rest become one summary finding that counts them by file. Findings are
 * expected sorted most important first; celebratory ones are never grouped. A check whose findings have
 * several levels (complexity: informative over 10, actionable over 15) is grouped per level, so a summary never
 * counts milder findings under a more urgent level.
 */
export function groupRepeated(findings: readonly Finding[], limit: number): Finding[] {
  const byCheck = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.level === "celebratory") continue;
    const key = `${finding.ruleId}\u0000${finding.level}`;
    byCheck.set(key, [...(byCheck.get(key) ?? []), finding]);
  }
  const dropped = new Set<Finding>();
  const summaries: Finding[] = [];
  const levelsOf = new Map<string, number>();
  for (const key of byCheck.keys()) {
    const ruleId = key.split("\u0000")[0] as string;
    levelsOf.set(ruleId, (levelsOf.get(ruleId) ?? 0) + 1);
  }
  for (const [key, list] of byCheck) {
    if (list.length <= limit) continue;
    const [ruleId, level] = key.split("\u0000") as [string, string];
    const firstPerFile = list.filter(
      (finding, index) => list.findIndex((other) => other.path === finding.path) === index,
    );
    const shown = new Set([...new Set([...firstPerFile, ...list])].slice(0, limit));
    const rest = list.filter((finding) => !shown.has(finding));
    for (const finding of rest) dropped.add(finding);
    const counts = new Map<string, number>();
    for (const finding of rest) counts.set(finding.path, (counts.get(finding.path) ?? 0) + 1);
    const byFile = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const listed = byFile.slice(0, 10).map(([path, count]) => `\`${path}\` (${count})`);
    const more = byFile.length > 10 ? `, and ${byFile.length - 10} more files` : "";
    // The summary stands for the whole file list: no column, range, suggestion or trace of the first one.
    const {
      endLine: _endLine,
      column: _column,
      endColumn: _endColumn,
      suggestion: _suggestion,
      trace: _trace,
      ...first
    } = rest[0] as Finding;
    summaries.push({
      ...first,
      line: 1,
      scope: "file",
      messageId: "repeated",
      message:
        `\`${ruleId}\` found the same kind of issue ${rest.length} more time${rest.length === 1 ? "" : "s"} than shown: ${listed.join(", ")}${more}. ` +
        "Fix the examples shown first, then apply the same fix in these places.",
      fingerprint: (levelsOf.get(ruleId) ?? 1) > 1 ? `${ruleId}:${level}:repeated` : `${ruleId}:repeated`,
    });
  }
  if (summaries.length === 0) return [...findings];
  return [...findings.filter((finding) => !dropped.has(finding)), ...summaries];
}
