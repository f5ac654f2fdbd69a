import { levelRank } from "../contract/levels.js";
import type { Finding } from "../contract/types.js";

function byPosition(a: Finding, b: Finding): number {
  return (
    compareText(a.path, b.path) ||
    a.line - b.line ||
    compareText(a.ruleId, b.ruleId) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

/** Code-point order, independent of the machine's locale, so output is the same everywhere. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where the finding is: path, line, rule id (then column and fingerprint, so the order is total). */
export function byLocation(a: Finding, b: Finding): number {
  return byPosition(a, b);
}

/** Most important first: level, then location. */
export function byImportance(a: Finding, b: Finding): number {
  return levelRank(a.level) - levelRank(b.level) || byPosition(a, b);
}

export function sortedByLocation(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(byLocation);
}

export function sortedByImportance(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(byImportance);
}
