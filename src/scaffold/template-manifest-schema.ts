import semver from "semver";
import { z } from "zod";
import { refineUnique } from "../contract/refine-unique.js";
import { codeInHint } from "./code-in-hint.js";

/** Variables every template gets without declaring them. A manifest may not redeclare these names. */
export const BUILTIN_VARIABLES = ["projectName", "templateId", "templateVersion", "year"] as const;

export const DIFFICULTIES = ["beginner", "intermediate", "advanced"] as const;
export const SKILLS = [
  "testing",
  "secure-coding",
  "database-indexing",
  "caching",
  "observability",
  "error-handling",
  "ci",
  "deployment",
  "reliability",
  "database-migrations",
] as const;

/** The most exercises a template (with its base's) may have: each becomes an issue, and a learner must be able to see them all. */
export const MAX_EXERCISES = 12;

const kebabId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "expected a kebab-case id (lowercase letters, digits and single dashes)");
const camelName = z.string().regex(/^[a-z][a-zA-Z0-9]*$/, "expected a camelCase identifier (e.g. databaseName)");
const oneLine = z
  .string()
  .min(1)
  .regex(/^[^\n]*$/, "expected one line of text");

const isValidRegex = (pattern: string): boolean => {
  try {
    new RegExp(pattern, "u");
    return true;
  } catch {
    return false;
  }
};

const variableBase = {
  name: camelName.refine((name) => !(BUILTIN_VARIABLES as readonly string[]).includes(name), {
    message: `expected a name other than the built-ins (${BUILTIN_VARIABLES.join(", ")})`,
  }),
  prompt: oneLine.describe("The question asked in interactive mode."),
  required: z.boolean().default(false),
};

const stringVariable = z
  .strictObject({
    ...variableBase,
    type: z.literal("string"),
    default: z.string().optional(),
    pattern: z.string().refine(isValidRegex, "expected a valid regular expression").optional(),
  })
  .refine(
    (variable) =>
      variable.default === undefined ||
      variable.pattern === undefined ||
      !isValidRegex(variable.pattern) ||
      new RegExp(variable.pattern, "u").test(variable.default),
    {
      message: "expected the default to match the pattern",
      path: ["default"],
    },
  );

const numberVariable = z
  .strictObject({
    ...variableBase,
    type: z.literal("number"),
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((variable) => variable.min === undefined || variable.max === undefined || variable.min <= variable.max, {
    message: "expected min to be at most max",
    path: ["min"],
  })
  .refine(
    (variable) =>
      variable.default === undefined ||
      ((variable.min ?? -Infinity) <= variable.default && variable.default <= (variable.max ?? Infinity)),
    {
      message: "expected the default to lie between min and max",
      path: ["default"],
    },
  );

const booleanVariable = z.strictObject({
  ...variableBase,
  type: z.literal("boolean"),
  default: z.boolean().optional(),
});

const choiceVariable = z
  .strictObject({
    ...variableBase,
    type: z.literal("choice"),
    choices: z.array(z.string().min(1)).min(1),
    default: z.string().optional(),
  })
  .refine((variable) => variable.default === undefined || variable.choices.includes(variable.default), {
    message: "expected the default to be one of the choices",
    path: ["default"],
  });

export const variableSchema = z.discriminatedUnion("type", [
  stringVariable,
  numberVariable,
  booleanVariable,
  choiceVariable,
]);

/** Words that point the way, never the solution: see codeInHint. */
const hintText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    const code = codeInHint(text);
    if (code !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `expected words that point the way, not code (found ${code}); name the idea, and let the learner write the code`,
      });
    }
  });

/** One paragraph: it becomes one checklist item. */
const paragraph = z
  .string()
  .min(1)
  .refine(
    (text) => text.trim() !== "" && !/\n\s*\n/.test(text.trim()),
    "expected one paragraph of text (no blank line), which becomes one checklist item",
  );

export const exerciseSchema = z.strictObject({
  id: kebabId,
  title: oneLine,
  skill: z.enum(SKILLS),
  criteria: z.array(kebabId).min(1).describe("Rubric criterion ids this exercise practises."),
  checks: z
    .array(kebabId)
    .min(1)
    .describe(
      "Ids of the Apprentice checks that grade it: checks of the template's rubric, under one of the exercise's criteria.",
    ),
  body: z
    .string()
    .min(1)
    .describe("Markdown: the task and why it matters. The acceptance criteria go in `acceptance`."),
  acceptance: z
    .array(paragraph)
    .min(1)
    .describe(
      "The acceptance criteria, each one checkable (a test, a command's output, a file): a checklist in the issue.",
    ),
  tips: z
    .array(hintText)
    .default([])
    .describe("Shown openly: where to look, which library, what to watch out for. Never the solution."),
  hint: z
    .strictObject({
      nudge: hintText.describe('Behind "Stuck? A hint": a question or pointer that gets the learner moving.'),
      approach: hintText.describe('Behind "Still stuck? The approach": the approach in words, never the code.'),
    })
    .describe("Shown folded, in two steps: the nudge first, then the approach."),
});

/** A base's folder name: it starts with `_`, so it can never be taken for a template id. */
export const baseName = z
  .string()
  .regex(
    /^_[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
    "expected the name of a base folder next to the templates, starting with _ (e.g. _base)",
  );

/** `starter-templates/_<name>/base.yml`: files shared by the templates that extend it, and the variables they use. */
export const baseManifestSchema = z
  .strictObject({
    description: oneLine.describe("What the base holds, for template authors."),
    variables: z
      .array(variableSchema)
      .default([])
      .describe("Variables the base's files use; every extending template gets them."),
    exercises: z
      .array(exerciseSchema)
      .max(MAX_EXERCISES)
      .default([])
      .describe("Exercises every extending template gets, after its own."),
  })
  .superRefine((manifest, ctx) => {
    refineUnique(ctx, manifest.variables, "variables", "name", "variable name");
    refineUnique(ctx, manifest.exercises, "exercises", "id", "exercise id");
  });

/** `starter-templates/<id>/template.yml`. Strict: an unknown key is an error. */
export const templateManifestSchema = z
  .strictObject({
    id: kebabId,
    extends: baseName
      .optional()
      .describe("A base folder (e.g. _base) whose files are rendered underneath this template's own."),
    version: z.string().refine((value) => semver.valid(value) !== null, "expected a semantic version such as 1.0.0"),
    title: oneLine,
    description: oneLine.describe("One line shown by `--list`."),
    difficulty: z.enum(DIFFICULTIES),
    stack: z.array(z.string().min(1)).min(1),
    rubric: kebabId.describe("The id of the rubric the project is graded with (rubrics/<id>.yml)."),
    variables: z.array(variableSchema).default([]),
    exercises: z.array(exerciseSchema).min(5).max(MAX_EXERCISES),
    afterInstall: z
      .array(kebabId)
      .default([])
      .describe(
        "npm scripts the scaffolder runs, in order, after `npm install` (without DATABASE_URL): `migrate` initialises the embedded database, so the first `npm run dev` starts in seconds.",
      ),
  })
  .superRefine((manifest, ctx) => {
    refineUnique(ctx, manifest.variables, "variables", "name", "variable name");
    refineUnique(ctx, manifest.exercises, "exercises", "id", "exercise id");
  });

export type TemplateManifest = z.output<typeof templateManifestSchema>;
export type BaseManifest = z.output<typeof baseManifestSchema>;
export type TemplateVariable = z.output<typeof variableSchema>;
export type Exercise = z.output<typeof exerciseSchema>;
