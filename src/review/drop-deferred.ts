import type { Check } from "../contract/check.js";
import type { Finding } from "../contract/types.js";

const place = (finding: Finding): string => `${finding.path}\u0000${finding.line}`;

/**
 * Drops a finding whose check defers to another check (`defersTo`) that reported on the same file and line in
 * this review: one mistake, one finding. Only findings the other check kept count, so a deferring check still
 * speaks when the other is not in the rubric or said nothing there.
 */
export function dropDeferred(findings: readonly Finding[], checksById: ReadonlyMap<string, Check>): Finding[] {
  if (![...checksById.values()].some((check) => check.defersTo?.length)) return [...findings];
  const placesByCheck = new Map<string, Set<string>>();
  for (const finding of findings) {
    let places = placesByCheck.get(finding.ruleId);
    if (!places) placesByCheck.set(finding.ruleId, (places = new Set()));
    places.add(place(finding));
  }
  return findings.filter((finding) => {
    const defersTo = checksById.get(finding.ruleId)?.defersTo ?? [];
    return !defersTo.some((other) => other !== finding.ruleId && placesByCheck.get(other)?.has(place(finding)));
  });
}
