import { loadRubric } from "../rubric/load-rubric.js";
import type { Check } from "../contract/check.js";
import { allChecks, checksById } from "./registry.js";

function row(check: Check, level: string): string {
  const lesson = `[lesson](../rubrics/lessons/${check.id}.md)`;
  return `| \`${check.id}\` | ${check.category ?? ""} | ${level} | ${check.description.replace(/\|/g, "\\|")}${defers(check)} | ${lesson} |`;
}

/** "defers to ..." for a check that gives way to others on the same line (or just above), from its `defersTo`. */
function defers(check: Check): string {
  return (check.defersTo ?? [])
    .map((entry) =>
      typeof entry === "string"
        ? ` Gives way to \`${entry}\` on the same line.`
        : ` Gives way to \`${entry.check}\` on the same line or up to ${entry.linesAbove} lines above it.`,
    )
    .join("");
}

/** docs/checks.md: every check by criterion, with its level in the default rubric. Built from the registry. */
export function checksMarkdown(): string {
  const rubric = loadRubric("junior-backend", checksById);
  const levels = new Map(
    rubric.criteria.flatMap((criterion) => criterion.checks.map((entry) => [entry.id, entry.level] as const)),
  );
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
    "One mistake gets one finding: where two checks read the same mistake, one gives way to the other on the same line",
    "(its row says so), or they split what they cover (body-unvalidated reads bodies taken field by field, mass-assignment",
    "bodies written whole).",
    "",
    "Some checks grade by degree, with two thresholds the rubric sets (`informativeAbove` and `max`): a function a little",
    "over the first is informative, one over `max` is reported at the rubric's level (`complexity`: over 10 and over 15;",
    "`max-depth`: 5 levels and 6 or more). The rubric's level is the ceiling: a finding's own level can only be milder.",
    "",
    "The api-design route checks read a handler where it is defined: a route module that registers",
    "`tasks.create` imported from `controllers/tasks.js` has its handler read in the controller, with the route's method,",
    "path and middlewares, when the review has both files (changed, or brought along as related files). The database",
    "checks know a handler by its parameters (`req, res`, `request, reply`, `ctx`), wherever it is defined;",
    "writes-without-transaction, select-unbounded and pool-per-request also read the functions of the same file the",
    "handler calls (a service function given `req.body`, or a method of the same controller class).",
    "",
    "Where the code itself says an apparent problem is intended, the checks stay quiet and their lessons say so: an empty",
    "catch whose fallback is the value assigned in it, Fastify's `reply.send(err)` (it runs the error handler), `any`",
    "where TypeScript needs it (rest parameters of function types, mixin constructors, type arguments in constraints),",
    "TLS checks skipped by a setting named `no-verify`, md5 demanded by a login protocol, and a table of placeholder",
    "secrets the code refuses.",
    "",
    ...sections,
  ].join("\n");
}
