import type { Check, DeferTo } from "../contract/check.js";
import type { Finding } from "../contract/types.js";

const normalised = (entry: string | DeferTo): DeferTo =>
  typeof entry === "string" ? { check: entry, linesAbove: 0 } : entry;

/**
 * Drops a finding whose check defers to another check (`defersTo`) that reported on the same file and line in
 * this review (or up to `linesAbove` lines above it): one mistake, one finding. Only findings the other check
 * kept count, so a deferring check still speaks when the other is not in the rubric or said nothing there.
 */
export function dropDeferred(findings: readonly Finding[], checksById: ReadonlyMap<string, Check>): Finding[] {
  if (![...checksById.values()].some((check) => check.defersTo?.length)) return [...findings];
  const linesByCheckAndFile = new Map<string, Set<number>>();
  for (const finding of findings) {
    const key = `${finding.ruleId}\u0000${finding.path}`;
    let lines = linesByCheckAndFile.get(key);
    if (!lines) linesByCheckAndFile.set(key, (lines = new Set()));
    lines.add(finding.line);
  }
  return findings.filter((finding) => {
    const defersTo = (checksById.get(finding.ruleId)?.defersTo ?? []).map(normalised);
    return !defersTo.some(({ check, linesAbove }) => {
      if (check === finding.ruleId) return false;
      const lines = linesByCheckAndFile.get(`${check}\u0000${finding.path}`);
      if (!lines) return false;
      for (let line = finding.line - linesAbove; line <= finding.line; line++) if (lines.has(line)) return true;
      return false;
    });
  });
}
