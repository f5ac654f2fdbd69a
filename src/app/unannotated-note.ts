import { sortedByImportance } from "../report/finding-order.js";
import type { Finding } from "../contract/types.js";

const LISTED_CHECKS = 20;

/**
 * The note a review with more findings than `maxAnnotations` gets in its summary: how many were left
 * without an annotation, counted by check (most frequent first), so hundreds of findings cost one
 * request, not one per 50. Empty when every finding has its annotation.
 */
export function unannotatedNote(findings: readonly Finding[], maxAnnotations: number): string {
  const rest = sortedByImportance(findings).slice(maxAnnotations);
  if (rest.length === 0) return "";
  const byCheck = new Map<string, number>();
  for (const finding of rest) byCheck.set(finding.ruleId, (byCheck.get(finding.ruleId) ?? 0) + 1);
  const counts = [...byCheck].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const listed = counts.slice(0, LISTED_CHECKS).map(([ruleId, count]) => `\`${ruleId}\` ${count}`);
  if (counts.length > LISTED_CHECKS) listed.push(`${counts.length - LISTED_CHECKS} more checks`);
  const many = rest.length === 1 ? "1 more finding has" : `${rest.length} more findings have`;
  return [
    "> [!NOTE]",
    `> **${many} no annotation.** The check run shows the ${maxAnnotations} most important findings as annotations (\`maxAnnotations\` in \`.github/apprentice.yml\`). The rest, by check: ${listed.join(", ")}. Run \`npm run review\` on your machine to see every one.`,
  ].join("\n");
}
