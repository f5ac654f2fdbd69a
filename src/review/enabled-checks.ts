import type { Check, CheckRegistry } from "../contract/check.js";
import type { Level } from "../contract/levels.js";
import type { RepoConfig } from "../contract/repo-config.js";
import type { Rubric } from "../contract/rubric-schema.js";
import type { CriterionId } from "../contract/types.js";

export interface EnabledCheck {
  check: Check;
  criterion: CriterionId;
  level: Level;
  options: Record<string, unknown>;
  /** % of the criterion lost per finding, and at most in total. */
  penalty: number;
  maxPenalty: number;
}

/** % of a criterion's points a finding costs, by level, unless the rubric says otherwise. */
export const DEFAULT_PENALTY: Record<Level, number> = { essential: 30, actionable: 10, informative: 0, celebratory: 0 };
export const DEFAULT_MAX_PENALTY = 60;

/**
 * The checks a review runs: those the rubric lists, at the rubric's level unless the repository's config
 * overrides it or turns the check off. A check listed under two criteria counts toward the first.
 */
export function enabledChecks(rubric: Rubric, config: RepoConfig, registry: CheckRegistry): EnabledCheck[] {
  const enabled = new Map<string, EnabledCheck>();
  for (const criterion of rubric.criteria) {
    for (const entry of criterion.checks) {
      const check = registry.get(entry.id);
      const override = config.checks[entry.id];
      if (!check || override === "off" || enabled.has(entry.id)) continue;
      const level = override ?? entry.level ?? check.defaultLevel;
      enabled.set(entry.id, {
        check,
        criterion: criterion.id,
        level,
        options: entry.options ?? {},
        penalty: entry.penalty ?? DEFAULT_PENALTY[level],
        maxPenalty: entry.maxPenalty ?? DEFAULT_MAX_PENALTY,
      });
    }
  }
  return [...enabled.values()];
}
