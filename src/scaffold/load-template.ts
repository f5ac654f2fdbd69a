import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { parseYaml } from "../validation/parse-yaml.js";
import { ValidationError, parseWith, type ValidationIssue } from "../validation/validation-error.js";
import { rubricCriteria } from "./rubric-criteria.js";
import { templateManifestSchema, type TemplateManifest } from "./template-manifest-schema.js";

export interface Template {
  manifest: TemplateManifest;
  /** The template's folder, `starter-templates/<id>`. */
  dir: string;
  /** The folder whose contents are rendered into the project, `starter-templates/<id>/files`. */
  filesDir: string;
}

/**
 * Loads and validates `<dir>/template.yml`: the schema, the id against the folder name, the files/ folder,
 * and the rubric (it must exist, and every exercise's criteria must be criteria of that rubric).
 * Throws ValidationError naming the file and property path.
 */
export function loadTemplate(dir: string): Template {
  const file = join(dir, "template.yml");
  if (!existsSync(file)) throw new ValidationError(file, [{ path: "(root)", expected: "a template.yml manifest in every template folder" }]);
  const manifest = parseWith(templateManifestSchema, parseYaml(readFileSync(file, "utf8"), file), file);
  const issues: ValidationIssue[] = [];
  if (manifest.id !== basename(dir)) {
    issues.push({ path: "id", expected: `the template folder's name, "${basename(dir)}"`, received: JSON.stringify(manifest.id) });
  }
  const filesDir = join(dir, "files");
  if (!existsSync(filesDir) || !statSync(filesDir).isDirectory()) {
    issues.push({ path: "(root)", expected: `a files/ folder next to template.yml (${filesDir})` });
  }
  issues.push(...rubricIssues(manifest));
  if (issues.length > 0) throw new ValidationError(file, issues);
  return { manifest, dir, filesDir };
}

function rubricIssues(manifest: TemplateManifest): ValidationIssue[] {
  const found = rubricCriteria(manifest.rubric);
  if (found === undefined) return [{ path: "rubric", expected: "the id of a rubric in rubrics/ (e.g. junior-backend)", received: JSON.stringify(manifest.rubric) }];
  const criteria = new Set(found.map((criterion) => criterion.id));
  const issues: ValidationIssue[] = [];
  manifest.exercises.forEach((exercise, exerciseIndex) => {
    exercise.criteria.forEach((criterion, criterionIndex) => {
      if (!criteria.has(criterion)) {
        issues.push({
          path: `exercises[${exerciseIndex}].criteria[${criterionIndex}]`,
          expected: `a criterion of rubric "${manifest.rubric}" (${[...criteria].join(", ")})`,
          received: JSON.stringify(criterion),
        });
      }
    });
  });
  return issues;
}
