import { z } from "zod";
import { FILTER_MODES } from "./filter-modes.js";
import { LEVELS } from "./levels.js";

/** `.github/apprentice.yml`: per-repository settings. Every key is optional. */
export const repoConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rubric: z
    .string()
    .min(1)
    .default("junior-backend")
    .describe("A built-in rubric id, or a path to a rubric YAML file in the repository."),
  include: z.array(z.string()).default(["**"]).describe("Glob patterns of files to review."),
  exclude: z.array(z.string()).default([]).describe("Glob patterns of files never to review."),
  filter: z
    .enum(FILTER_MODES)
    .default("added")
    .describe("Which findings count: on added lines, near them, anywhere in changed files, or anywhere."),
  contextLines: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(3)
    .describe("Lines around added lines that count in diff_context mode."),
  failOn: z
    .enum([...LEVELS, "none"])
    .optional()
    .describe("Findings at this level or above fail the review; defaults to the rubric's failOn."),
  maxInlineComments: z
    .number()
    .int()
    .min(0)
    .max(100)
    .default(20)
    .describe("Most inline review comments per review; the rest go in the review body."),
  maxAnnotations: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(50)
    .describe(
      "Most check-run annotations per review, most important first (50 fit in one request); the rest are counted by check in the summary.",
    ),
  maxFiles: z
    .number()
    .int()
    .min(1)
    .max(3000)
    .default(300)
    .describe("A pull request with more changed files is reviewed partly."),
  maxLines: z.number().int().min(1).default(20000).describe("A pull request with more added lines is reviewed partly."),
  maxFindingsPerCheck: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(3)
    .describe("Findings of one check shown where they are; the rest are counted by file in one summary finding."),
  drafts: z.boolean().default(false).describe("Review draft pull requests too."),
  retentionDays: z
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(365)
    .describe(
      "Days the App keeps this repository's stored reviews (recurring themes, progress, dashboard); older ones are deleted.",
    ),
  checks: z
    .record(z.string(), z.union([z.literal("off"), z.enum(LEVELS)]))
    .default({})
    .describe("Per-check overrides: 'off' or a level."),
});

export type RepoConfig = z.output<typeof repoConfigSchema>;

/** The configuration used when a repository has none. */
export const defaultRepoConfig: RepoConfig = repoConfigSchema.parse({});
