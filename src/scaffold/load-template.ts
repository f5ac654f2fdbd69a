import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseYaml } from "../validation/parse-yaml.js";
import { ValidationError, parseWith, type ValidationIssue } from "../validation/validation-error.js";
import { checkExercises } from "./check-exercises.js";
import { EXERCISES_PATH } from "./exercises-file.js";
import { BASE_MANIFEST_FILE, isTemplateBase, loadTemplateBase, type TemplateBase } from "./load-template-base.js";
import { rubricCriteria, type RubricCriterion } from "./rubric-criteria.js";
import {
  MAX_EXERCISES,
  templateManifestSchema,
  type Exercise,
  type TemplateManifest,
  type TemplateVariable,
} from "./template-manifest-schema.js";

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
 * the base named by `extends` (a sibling folder with a base.yml), and the rubric (it must exist, every
 * exercise's criteria must be criteria of that rubric, and its checks checks of those criteria). The base's
 * variables are added to the manifest's, unless the template declares a variable of the same name (then the
 * template's wins); the base's exercises come after the template's own, checked against the template's rubric.
 * Throws ValidationError naming the file and property path.
 */
export function loadTemplate(dir: string): Template {
  const file = join(dir, "template.yml");
  if (!existsSync(file))
    throw new ValidationError(file, [{ path: "(root)", expected: "a template.yml manifest in every template folder" }]);
  const manifest = parseWith(templateManifestSchema, parseYaml(readFileSync(file, "utf8"), file), file);
  const issues: ValidationIssue[] = [];
  if (manifest.id !== basename(dir)) {
    issues.push({
      path: "id",
      expected: `the template folder's name, "${basename(dir)}"`,
      received: JSON.stringify(manifest.id),
    });
  }
  const filesDir = join(dir, "files");
  if (!existsSync(filesDir) || !statSync(filesDir).isDirectory()) {
    issues.push({ path: "(root)", expected: `a files/ folder next to template.yml (${filesDir})` });
  }
  issues.push(...ownExercisesFile(filesDir));
  const criteria = rubricCriteria(manifest.rubric);
  if (criteria === undefined) {
    issues.push({
      path: "rubric",
      expected: "the id of a rubric in rubrics/ (e.g. junior-backend)",
      received: JSON.stringify(manifest.rubric),
    });
  } else {
    issues.push(...checkExercises(manifest.exercises, manifest.rubric, criteria));
  }
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
  const exercises = mergeExercises(file, manifest, base, criteria ?? []);
  return {
    manifest: { ...manifest, variables, exercises },
    dir,
    filesDir,
    base,
    fileLayers: [base.filesDir, filesDir],
  };
}

/** EXERCISES.md is generated from the manifest, so a hand-kept copy cannot drift from the issues. */
function ownExercisesFile(filesDir: string): ValidationIssue[] {
  return [EXERCISES_PATH, `${EXERCISES_PATH}.eta`]
    .filter((name) => existsSync(join(filesDir, name)))
    .map((name) => ({
      path: "(root)",
      expected: `no files/${name}: ${EXERCISES_PATH} is written from the exercises in the manifest; remove ${join(filesDir, name)}`,
    }));
}

/**
 * The template's exercises, then the base's. The base's are checked against the template's rubric (errors name
 * base.yml); together they stay within MAX_EXERCISES and their ids stay unique (errors name template.yml).
 */
function mergeExercises(
  file: string,
  manifest: TemplateManifest,
  base: TemplateBase,
  criteria: readonly RubricCriterion[],
): Exercise[] {
  const baseFile = join(base.dir, BASE_MANIFEST_FILE);
  const baseIssues = [
    ...ownExercisesFile(base.filesDir),
    ...checkExercises(base.manifest.exercises, manifest.rubric, criteria),
  ];
  if (baseIssues.length > 0)
    throw new ValidationError(
      baseFile,
      baseIssues.map((issue) => ({ ...issue, expected: `${issue.expected} (for template "${manifest.id}")` })),
    );
  const baseIds = new Set(base.manifest.exercises.map((exercise) => exercise.id));
  const issues: ValidationIssue[] = manifest.exercises.flatMap((exercise, index) =>
    baseIds.has(exercise.id)
      ? [
          {
            path: `exercises[${index}].id`,
            expected: `an id other than those of the exercises in ${baseFile}`,
            received: JSON.stringify(exercise.id),
          },
        ]
      : [],
  );
  const total = manifest.exercises.length + base.manifest.exercises.length;
  if (total > MAX_EXERCISES) {
    issues.push({
      path: "exercises",
      expected: `at most ${MAX_EXERCISES} exercises together with the base's (${manifest.exercises.length} here and ${base.manifest.exercises.length} in ${baseFile})`,
    });
  }
  if (issues.length > 0) throw new ValidationError(file, issues);
  return [...manifest.exercises, ...base.manifest.exercises];
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
