import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BUILTIN_RUBRICS_DIR } from "../rubric/load-rubric.js";
import { parseYaml } from "../validation/parse-yaml.js";
import { parseWith } from "../validation/validation-error.js";

const criteriaOnly = z.object({
  criteria: z.array(
    z.object({ id: z.string(), title: z.string(), checks: z.array(z.object({ id: z.string() })).default([]) }),
  ),
});

export interface RubricCriterion {
  id: string;
  title: string;
  /** The ids of the checks that count toward this criterion. */
  checkIds: string[];
}

/**
 * The criteria (id, title and check ids) of a built-in rubric, or undefined when no such rubric exists. Reads
 * only what a template needs, without loading the check registry: the review engine's loadRubric validates
 * every check id of a rubric against the registry (and a test does it for every built-in rubric).
 */
export function rubricCriteria(
  rubricId: string,
  rubricsDir: string = BUILTIN_RUBRICS_DIR,
): RubricCriterion[] | undefined {
  const file = join(rubricsDir, `${rubricId}.yml`);
  if (!existsSync(file)) return undefined;
  return parseWith(criteriaOnly, parseYaml(readFileSync(file, "utf8"), file), file).criteria.map((criterion) => ({
    id: criterion.id,
    title: criterion.title,
    checkIds: criterion.checks.map((check) => check.id),
  }));
}
