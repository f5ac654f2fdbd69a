import { loadRubric } from "../rubric/load-rubric.js";
import type { Check } from "../contract/check.js";
import { allChecks, checksById } from "./registry.js";

function row(check: Check, level: string): string {
  const lesson = `[lesson](../rubrics/lessons/${check.id}.md)`;
  return `| \`${check.id}\` | ${check.category ?? ""} | ${level} | ${check.description.replace(/\|/g, "\\|")} | ${lesson} |`;
}

/** docs/checks.md: every check by criterion, with its level in the default rubric. Built from the registry. */
export function checksMarkdown(): string {
  const rubric = loadRubric("junior-backend", checksById);
  const levels = new Map(rubric.criteria.flatMap((criterion) => criterion.checks.map((entry) => [entry.id, entry.level] as const)));
  const criteria = [...new Set(allChecks.map((check) => check.criterion))];
  const sections = criteria.map((criterion) => {
    const checks = allChecks.filter((check) => check.criterion === criterion);
    return [
      `## ${criterion} (${checks.length})`,
      "",
      "| check | category | level in junior-backend | what it finds | |",
      "| --- | --- | --- | --- | --- |",
      ...checks.map((check) => row(check, levels.get(check.id) ?? check.defaultLevel)),
      "",
    ].join("\n");
  });
  return [
    "# Checks",
    "",
    "Generated from `src/checks/registry.ts` by `npx tsx scripts/generate-docs.ts`; a test fails when it is out of date.",
    `${allChecks.length} checks. \`npm run review -- --list-checks\` prints the same list.`,
    "",
    ...sections,
  ].join("\n");
}
