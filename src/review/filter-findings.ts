import type { FilterMode } from "../contract/filter-modes.js";
import type { RawFinding } from "../contract/types.js";

export interface FilterTarget {
  /** Added lines per changed path. Paths absent here are not part of the change. */
  addedLines: ReadonlyMap<string, ReadonlySet<number>>;
  mode: FilterMode;
  contextLines: number;
}

function touches(finding: RawFinding, lines: ReadonlySet<number>, margin: number): boolean {
  const first = finding.line - margin;
  const last = (finding.endLine ?? finding.line) + margin;
  if (last - first < lines.size) {
    for (let line = first; line <= last; line += 1) if (lines.has(line)) return true;
    return false;
  }
  for (const line of lines) if (line >= first && line <= last) return true;
  return false;
}

/**
 * Keeps the findings that belong to the change, as reviewdog's filter modes do: on added lines (`added`),
 * near them (`diff_context`), anywhere in a changed file (`file`), or anywhere (`nofilter`). File-scoped
 * findings pass whenever their file changed.
 */
export function isInChange(finding: RawFinding, target: FilterTarget): boolean {
  if (target.mode === "nofilter") return true;
  const lines = target.addedLines.get(finding.path);
  if (!lines) return false;
  if (target.mode === "file" || finding.scope === "file") return true;
  return touches(finding, lines, target.mode === "diff_context" ? target.contextLines : 0);
}
