import type { Level } from "../../contract/levels.js";

/**
 * Two thresholds for a count that grows worse by degrees (branches, nesting): over `informativeAbove` the
 * finding is worth knowing, over `max` it is worth fixing at the rubric's level. A rubric that sets
 * `informativeAbove` at or over `max` has one tier again.
 */
export interface SeverityTiers {
  informativeAbove: number;
  max: number;
}

/** The threshold to lint with: the lower of the two, so both tiers are reported. */
export function reportAbove(tiers: SeverityTiers): number {
  return Math.min(tiers.informativeAbove, tiers.max);
}

/** "informative" for a count that is over the first threshold but not over `max`; the rubric's level otherwise. */
export function tierLevel(count: number | undefined, tiers: SeverityTiers): Level | undefined {
  return count !== undefined && count <= tiers.max ? "informative" : undefined;
}
