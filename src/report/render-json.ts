import type { Level } from "../contract/levels.js";
import type { SecurityCategory } from "../contract/security-categories.js";
import type { Conclusion, Finding, ReviewResult } from "../contract/types.js";
import { countByLevel } from "./count-by-level.js";
import { sortedByLocation } from "./finding-order.js";
import { TOOL_NAME, TOOL_VERSION } from "./tool-info.js";

/** Bumped only when a field is removed or changes meaning; new optional fields keep version 1. */
export const JSON_REPORT_VERSION = 1;

export interface JsonFinding {
  ruleId: string;
  criterion: string;
  category?: SecurityCategory;
  level: Level;
  path: string;
  line: number;
  endLine?: number;
  column?: number;
  message: string;
  trace?: string;
  suggestion?: string;
  fingerprint: string;
  lesson?: string;
}

export interface JsonCriterion {
  id: string;
  title: string;
  score: number;
  max: number;
  level: string;
  findingCount: number;
}

/** The machine-readable review (`--format json`). Every field is described in docs/json-report.md. */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  rubric: { id: string; title: string };
  conclusion: Conclusion;
  partial: boolean;
  criteria: JsonCriterion[];
  findings: JsonFinding[];
  skipped: { path: string; reason: string }[];
  stats: { filesReviewed: number; filesSkipped: number; durationMs: number; findingsByLevel: Record<Level, number> };
}

export interface JsonOptions {
  /** Apprentice's version; defaults to the one in package.json. */
  toolVersion?: string;
}

/** The review as a stable, documented object, findings ordered by path, line and rule id. */
export function toJsonReport(result: ReviewResult, options: JsonOptions = {}): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion ?? TOOL_VERSION },
    rubric: { id: result.rubric.id, title: result.rubric.title },
    conclusion: result.conclusion,
    partial: result.partial,
    criteria: result.criteria.map((criterion) => ({
      id: criterion.criterion,
      title: criterion.title,
      score: criterion.score,
      max: criterion.max,
      level: criterion.level,
      findingCount: criterion.findings.length,
    })),
    findings: sortedByLocation(result.findings).map(toJsonFinding),
    skipped: [...result.skipped]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map(({ path, reason }) => ({ path, reason })),
    stats: {
      filesReviewed: result.stats.filesReviewed,
      filesSkipped: result.stats.filesSkipped,
      durationMs: result.stats.durationMs,
      findingsByLevel: countByLevel(result.findings),
    },
  };
}

/** Copies the documented fields in a fixed order, leaving out the optional ones a finding lacks. */
function toJsonFinding(finding: Finding): JsonFinding {
  return withoutUndefined({
    ruleId: finding.ruleId,
    criterion: finding.criterion,
    category: finding.category,
    level: finding.level,
    path: finding.path,
    line: finding.line,
    endLine: finding.endLine,
    column: finding.column,
    message: finding.message,
    trace: finding.trace,
    suggestion: finding.suggestion,
    fingerprint: finding.fingerprint,
    lesson: finding.lesson,
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
