import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Check, CheckRegistry } from "../contract/check.js";
import { type Rubric, rubricSchema } from "../contract/rubric-schema.js";
import { parseYaml } from "../validation/parse-yaml.js";
import { unknownCheckExpected } from "../validation/unknown-check-expected.js";
import { ValidationError, issuesFromZod, parseWith, type ValidationIssue } from "../validation/validation-error.js";

/** The folder that holds the built-in rubrics (`rubrics/` at the project root). */
export const BUILTIN_RUBRICS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../rubrics");

/** Ids of the rubrics shipped with Apprentice. */
export function builtinRubricIds(): string[] {
  return readdirSync(BUILTIN_RUBRICS_DIR)
    .filter((name) => name.endsWith(".yml"))
    .map((name) => name.slice(0, -".yml".length))
    .sort();
}

/** Issues with one rubric entry's `options`, checked against the check's own schema, at `path.options...`. */
function optionIssues(check: Check, options: Record<string, unknown> | undefined, path: string): ValidationIssue[] {
  if (!check.options) {
    const keys = Object.keys(options ?? {});
    return keys.map((key) => ({
      path: `${path}.options.${key}`,
      expected: `no options: check "${check.id}" takes none`,
    }));
  }
  const result = check.options.safeParse(options ?? {});
  if (result.success) return [];
  return issuesFromZod(result.error, options ?? {}).map((issue) => ({
    ...issue,
    path:
      issue.path === "(root)"
        ? `${path}.options`
        : `${path}.options${issue.path.startsWith("[") ? "" : "."}${issue.path}`,
  }));
}

/**
 * Parses and validates rubric YAML: every check id must exist in the registry, and each entry's options must
 * match the check's options schema. Throws ValidationError naming file and property path.
 */
export function parseRubric(yamlText: string, file: string, registry: CheckRegistry): Rubric {
  const rubric = parseWith(rubricSchema, parseYaml(yamlText, file), file);
  const issues: ValidationIssue[] = [];
  rubric.criteria.forEach((criterion, criterionIndex) => {
    const seen = new Set<string>();
    criterion.checks.forEach((check, checkIndex) => {
      const entry = `criteria[${criterionIndex}].checks[${checkIndex}]`;
      const path = `${entry}.id`;
      const known = registry.get(check.id);
      if (!known) {
        issues.push({
          path,
          expected: unknownCheckExpected(check.id, [...registry.keys()]),
          received: JSON.stringify(check.id),
        });
      } else issues.push(...optionIssues(known, check.options, entry));
      if (seen.has(check.id))
        issues.push({ path, expected: "each check listed once per criterion", received: JSON.stringify(check.id) });
      seen.add(check.id);
    });
  });
  if (issues.length > 0) throw new ValidationError(file, issues);
  return rubric;
}

export class RubricNotFoundError extends Error {
  constructor(
    readonly idOrPath: string,
    readonly searched: string,
  ) {
    super(
      `rubric "${idOrPath}" not found (looked for ${searched}; built-in rubrics: ${builtinRubricIds().join(", ")})`,
    );
    this.name = "RubricNotFoundError";
  }
}

/**
 * Loads a rubric by built-in id (`junior-backend` -> rubrics/junior-backend.yml) or by path to a YAML
 * file (relative to cwd). Anything with a slash or a .yml/.yaml ending is taken as a path.
 */
export function loadRubric(idOrPath: string, registry: CheckRegistry, cwd: string = process.cwd()): Rubric {
  const looksLikePath = /[\\/]/.test(idOrPath) || /\.ya?ml$/.test(idOrPath);
  const file = looksLikePath
    ? isAbsolute(idOrPath)
      ? idOrPath
      : resolve(cwd, idOrPath)
    : join(BUILTIN_RUBRICS_DIR, `${idOrPath}.yml`);
  if (!existsSync(file)) throw new RubricNotFoundError(idOrPath, file);
  return parseRubric(readFileSync(file, "utf8"), file, registry);
}
