import { type Level, LEVELS } from "../contract/levels.js";
import type { Finding } from "../contract/types.js";

/** How many findings there are at each level (every level present, zero when none). */
export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const counts = Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<Level, number>;
  for (const finding of findings) counts[finding.level] += 1;
  return counts;
}
