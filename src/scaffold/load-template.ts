import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseYaml } from "../validation/parse-yaml.js";
import { ValidationError, parseWith, type ValidationIssue } from "../validation/validation-error.js";
import { BASE_MANIFEST_FILE, isTemplateBase, loadTemplateBase, type TemplateBase } from "./load-template-base.js";
import { rubricCriteria } from "./rubric-criteria.js";
import { type Exercise, templateManifestSchema, type TemplateManifest, type TemplateVariable } from "./template-manifest-schema.js";

export interface Template {
  manifest: TemplateManifest;
  /** The template's folder, `starter-templates/<id>`. */
  dir: string;
  /** The template's own files, `starter-templates/<id>/files`. */
  filesDir: string;
  /** The base named by `extends`, when there is one. */
  base?: TemplateBase;
  /** The folders rendered into the project, in order: the base's files/ first, then the template's (which win). */
  fileLayers: string[];
}

/**
 * Loads and validates `<dir>/template.yml`: the schema, the id against the folder name, the files/ folder,
 * the base named by `extends` (a sibling folder with a base.yml), and the rubric (it must exist, and every
 * exercise's criteria must be criteria of that rubric). The base's variables are added to the manifest's,
 * unless the template declares a variable of the same name (then the template's wins). The base's exercises
 * are appended after the template's own; an id both use, or a base exercise's criterion that the template's
 * rubric lacks, is an error. Throws ValidationError naming the file (template.yml or base.yml) and property path.
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
  const baseDir = manifest.extends === undefined ? undefined : join(dirname(dir), manifest.extends);
  if (manifest.extends !== undefined && baseDir !== undefined && !isTemplateBase(baseDir)) {
    issues.push({
      path: "extends",
      expected: `a base folder next to the template, holding base.yml and files/ (${knownBases(dirname(dir))})`,
      received: JSON.stringify(manifest.extends),
    });
  }
  if (issues.length > 0) throw new ValidationError(file, issues);
  if (baseDir === undefined) return { manifest, dir, filesDir, fileLayers: [filesDir] };
  const base = loadTemplateBase(baseDir);
  const variables = mergeVariables(base.manifest.variables, manifest.variables);
  const exercises = mergeExercises(file, manifest, base);
  return { manifest: { ...manifest, variables, exercises }, dir, filesDir, base, fileLayers: [base.filesDir, filesDir] };
}

function knownBases(templatesDir: string): string {
  const names = readdirSync(templatesDir).filter(
    (name) => name.startsWith("_") && isTemplateBase(join(templatesDir, name)),
  );
  return names.length > 0 ? `known: ${names.sort().join(", ")}` : `none found in ${templatesDir}`;
}

/** The base's variables first (in their order), then the template's; a template's replaces the base's of its name. */
function mergeVariables(
  baseVariables: readonly TemplateVariable[],
  own: readonly TemplateVariable[],
): TemplateVariable[] {
  const ownNames = new Set(own.map((variable) => variable.name));
  return [...baseVariables.filter((variable) => !ownNames.has(variable.name)), ...own];
}

/**
 * The template's exercises, then the base's. A base exercise whose id the template also uses is an error
 * in template.yml (rename the template's); one whose criteria the template's rubric lacks, in base.yml.
 */
function mergeExercises(templateFile: string, manifest: TemplateManifest, base: TemplateBase): Exercise[] {
  const baseExercises = base.manifest.exercises;
  const baseIds = new Map(baseExercises.map((exercise, index) => [exercise.id, index]));
  const clashes: ValidationIssue[] = [];
  manifest.exercises.forEach((exercise, index) => {
    const baseIndex = baseIds.get(exercise.id);
    if (baseIndex === undefined) return;
    clashes.push({
      path: `exercises[${index}].id`,
      expected: `an id other than those of the base's exercises (${join(base.dir, BASE_MANIFEST_FILE)} exercises[${baseIndex}] is "${exercise.id}")`,
      received: JSON.stringify(exercise.id),
    });
  });
  if (clashes.length > 0) throw new ValidationError(templateFile, clashes);
  const criteriaIssues = exerciseCriteriaIssues(baseExercises, manifest.rubric, ` (the rubric of template "${manifest.id}")`);
  if (criteriaIssues.length > 0) throw new ValidationError(join(base.dir, BASE_MANIFEST_FILE), criteriaIssues);
  return [...manifest.exercises, ...baseExercises];
}

function rubricIssues(manifest: TemplateManifest): ValidationIssue[] {
  if (rubricCriteria(manifest.rubric) === undefined) {
    return [{ path: "rubric", expected: "the id of a rubric in rubrics/ (e.g. junior-backend)", received: JSON.stringify(manifest.rubric) }];
  }
  return exerciseCriteriaIssues(manifest.exercises, manifest.rubric, "");
}

/** One issue per exercise criterion that rubric `rubricId` (which must exist) does not have. */
function exerciseCriteriaIssues(exercises: readonly Exercise[], rubricId: string, whose: string): ValidationIssue[] {
  const criteria = new Set((rubricCriteria(rubricId) ?? []).map((criterion) => criterion.id));
  const issues: ValidationIssue[] = [];
  exercises.forEach((exercise, exerciseIndex) => {
    exercise.criteria.forEach((criterion, criterionIndex) => {
      if (!criteria.has(criterion)) {
        issues.push({
          path: `exercises[${exerciseIndex}].criteria[${criterionIndex}]`,
          expected: `a criterion of rubric "${rubricId}"${whose} (${[...criteria].join(", ")})`,
          received: JSON.stringify(criterion),
        });
      }
    });
  });
  return issues;
}
