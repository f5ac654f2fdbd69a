import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BUILTIN_RUBRICS_DIR } from "../rubric/load-rubric.js";
import { parseYaml } from "../validation/parse-yaml.js";
import { parseWith } from "../validation/validation-error.js";

const criteriaOnly = z.object({ criteria: z.array(z.object({ id: z.string(), title: z.string() })) });

/**
 * The criteria (id and title) of a built-in rubric, or undefined when no such rubric exists. Reads only
 * what a template needs; the rubric's checks are validated by the review engine's loadRubric.
 */
export function rubricCriteria(rubricId: string, rubricsDir: string = BUILTIN_RUBRICS_DIR): { id: string; title: string }[] | undefined {
  const file = join(rubricsDir, `${rubricId}.yml`);
  if (!existsSync(file)) return undefined;
  return parseWith(criteriaOnly, parseYaml(readFileSync(file, "utf8"), file), file).criteria;
}
