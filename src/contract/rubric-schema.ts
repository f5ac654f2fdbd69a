import { z } from "zod";
import { refineUnique } from "./refine-unique.js";
import { LEVELS } from "./levels.js";

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "expected a kebab-case id (lowercase letters, digits and dashes)");

export const levelSchema = z.enum(LEVELS);

export const rubricCheckSchema = z.strictObject({
  id: id.describe("A check id from Apprentice's registry (see `npm run review -- --list-checks`)."),
  level: levelSchema.optional().describe("Level of this check's findings; defaults to the check's own default level."),
  penalty: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("Points (in % of the criterion) lost per finding; defaults by level."),
  maxPenalty: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("Cap on what this check can take from the criterion, in %."),
  options: z.record(z.string(), z.unknown()).optional().describe("Options passed to the check."),
});

export const rubricLevelSchema = z.strictObject({
  name: z.string().min(1),
  min: z.number().min(0).max(100).describe("Lowest score, in % of the criterion's points, that reaches this level."),
  description: z.string().optional(),
});

export const criterionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  points: z.number().positive().default(10).describe("How many points the criterion is worth in the total."),
  levels: z
    .array(rubricLevelSchema)
    .min(1)
    .refine(
      (levels) => levels.some((level) => level.min === 0),
      "expected one level with min: 0, so every score reaches a level",
    ),
  checks: z.array(rubricCheckSchema).min(1),
});

export const rubricSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id,
    title: z.string().min(1),
    description: z.string().optional(),
    /** Findings at this level or above fail the review. */
    failOn: z.enum([...LEVELS, "none"]).default("essential"),
    criteria: z.array(criterionSchema).min(1),
  })
  .superRefine((rubric, ctx) => refineUnique(ctx, rubric.criteria, "criteria", "id", "criterion id"));

export type Rubric = z.output<typeof rubricSchema>;
export type RubricCriterion = z.output<typeof criterionSchema>;
export type RubricCheck = z.output<typeof rubricCheckSchema>;
