import { type Level, levelRank } from "../contract/levels.js";
import type { Rubric } from "../contract/rubric-schema.js";
import type { Conclusion, CriterionResult, Finding } from "../contract/types.js";
import { DEFAULT_PENALTY, type EnabledCheck } from "./enabled-checks.js";

/** True when some finding is at `failOn` or more urgent; never for "none". */
export function reachesLevel(findings: readonly Finding[], failOn: Level | "none"): boolean {
  return failOn !== "none" && findings.some((finding) => levelRank(finding.level) <= levelRank(failOn));
}

/** Most important first: level, then path, then line. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    levelRank(a.level) - levelRank(b.level) ||
    a.path.localeCompare(b.path) ||
    a.line - b.line ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * Scores each criterion: it starts at 100% and each finding takes its check's penalty, capped per check,
 * so one noisy check cannot sink a criterion alone. The level is the highest whose threshold is reached.
 *
 * A whole-project review passes `linesReviewed`: the points lost then count per 1000 lines reviewed (a
 * 5000-line project loses a fifth of what one 1000-line change with the same findings loses), so a
 * decent large project is not sunk by findings that add up with its size. A change is graded as it is.
 */
export function gradeCriteria(
  rubric: Rubric,
  enabled: readonly EnabledCheck[],
  findings: readonly Finding[],
  linesReviewed?: number,
): CriterionResult[] {
  const perThousandLines = linesReviewed === undefined ? 1 : Math.max(1, linesReviewed / 1000);
  const byCheck = new Map(enabled.map((entry) => [entry.check.id, entry]));
  return rubric.criteria.map((criterion) => {
    const own = findings.filter((finding) => finding.criterion === criterion.id).sort(compareFindings);
    const lost = new Map<string, number>();
    for (const finding of own) {
      const entry = byCheck.get(finding.ruleId);
      if (!entry || finding.level === "celebratory" || finding.level === "informative") continue;
      const penalty = finding.level === entry.level ? entry.penalty : DEFAULT_PENALTY[finding.level];
      lost.set(finding.ruleId, Math.min(entry.maxPenalty, (lost.get(finding.ruleId) ?? 0) + penalty));
    }
    const percent = Math.max(0, 100 - [...lost.values()].reduce((sum, value) => sum + value, 0) / perThousandLines);
    const levels = [...criterion.levels].sort((a, b) => b.min - a.min);
    const level = levels.find((candidate) => percent >= candidate.min) ?? levels[levels.length - 1];
    return {
      criterion: criterion.id,
      title: criterion.title,
      score: Math.round(criterion.points * percent) / 100,
      max: criterion.points,
      level: level?.name ?? "",
      findings: own,
    };
  });
}

/**
 * failure: a finding at or above the fail level; neutral: the change was reviewed only in part;
 * success otherwise.
 */
export function conclude(findings: readonly Finding[], failOn: Level | "none", partial: boolean): Conclusion {
  if (reachesLevel(findings, failOn)) return "failure";
  return partial ? "neutral" : "success";
}
