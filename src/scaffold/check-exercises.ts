import type { ValidationIssue } from "../validation/validation-error.js";
import { closeMatches } from "../validation/close-matches.js";
import type { RubricCriterion } from "./rubric-criteria.js";
import type { Exercise } from "./template-manifest-schema.js";

/**
 * What the schema cannot see in a manifest's exercises, given the rubric the project is graded with: every
 * criterion must be a criterion of the rubric, and every check a check of the rubric that counts toward one
 * of the exercise's own criteria (so "Apprentice will check" and "graded on" say the same thing).
 */
export function checkExercises(
  exercises: readonly Exercise[],
  rubricId: string,
  criteria: readonly RubricCriterion[],
): ValidationIssue[] {
  const criterionIds = criteria.map((criterion) => criterion.id);
  const criterionOfCheck = new Map(
    criteria.flatMap((criterion) => criterion.checkIds.map((check) => [check, criterion.id] as const)),
  );
  const issues: ValidationIssue[] = [];
  exercises.forEach((exercise, index) => {
    exercise.criteria.forEach((criterion, at) => {
      if (criterionIds.includes(criterion)) return;
      issues.push({
        path: `exercises[${index}].criteria[${at}]`,
        expected: `a criterion of rubric "${rubricId}" (${criterionIds.join(", ")})`,
        received: JSON.stringify(criterion),
      });
    });
    exercise.checks.forEach((check, at) => {
      const path = `exercises[${index}].checks[${at}]`;
      const criterion = criterionOfCheck.get(check);
      if (criterion === undefined) {
        const [closest] = closeMatches(check, [...criterionOfCheck.keys()], 1);
        const hint = closest === undefined ? "" : `; did you mean "${closest}"?`;
        issues.push({
          path,
          expected: `the id of a check in rubric "${rubricId}" (see docs/checks.md or \`npm run review -- --list-checks\`)${hint}`,
          received: JSON.stringify(check),
        });
      } else if (!exercise.criteria.includes(criterion)) {
        issues.push({
          path,
          expected: `a check of this exercise's criteria (${exercise.criteria.join(", ")}); "${check}" counts toward "${criterion}", so add "${criterion}" to criteria or name another check`,
          received: JSON.stringify(check),
        });
      }
    });
  });
  return issues;
}
