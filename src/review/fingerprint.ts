import { createHash } from "node:crypto";
import type { RawFinding } from "../contract/types.js";

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * Fingerprints that survive re-runs, rebases and code moving up or down: they hash the rule, the file,
 * the kind of message and the code on the finding's lines, never the line number. Identical findings on
 * identical code in one file are told apart by their order of occurrence.
 */
export function fingerprintFindings(
  ruleId: string,
  findings: readonly RawFinding[],
  contentByPath: ReadonlyMap<string, readonly string[]>,
): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const lines = contentByPath.get(finding.path);
    const code = lines ? normalise(lines.slice(finding.line - 1, finding.endLine ?? finding.line).join("\n")) : "";
    const kind = finding.messageId ?? normalise(finding.message);
    const key = [ruleId, finding.path, kind, finding.scope === "file" ? "(file)" : code].join("\u0000");
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash("sha256").update(`${key}\u0000${occurrence}`).digest("hex").slice(0, 20);
  });
}
