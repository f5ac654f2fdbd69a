/**
 * Core data types of the review engine. Everything here is plain data: no GitHub, no disk,
 * no Probot. Front ends (CLI, App, Action) build a ReviewInput and render a ReviewResult.
 */
import type { Level } from "./levels.js";
import type { RepoConfig } from "./repo-config.js";
import type { Rubric } from "./rubric-schema.js";
import type { SecurityCategory } from "./security-categories.js";

export type CriterionId = string;

/** What a check reports, before the rubric assigns a criterion and level. */
export interface RawFinding {
  /** messageId-style short key, lets a check report several kinds of problem. */
  messageId?: string;
  message: string;
  path: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Replacement text for lines line..endLine (a GitHub suggestion block), when the fix is mechanical. */
  suggestion?: string;
  /** Security checks: the category from SECURITY_CATEGORIES. */
  category?: SecurityCategory;
  /** Security checks: the data flow, e.g. "req.query.id -> id -> SQL template". */
  trace?: string;
  /**
   * "file": the finding is about the file as a whole (e.g. "this module has no test"); it passes the
   * added-lines filter whenever the file changed, and is anchored at `line`. Default "line".
   */
  scope?: "line" | "file";
  /**
   * A milder level than the rubric's for this one finding (celebratory praise from a mostly-actionable check, an
   * informative finding under a check's second threshold). The rubric's level is the ceiling: a finding's own
   * level never makes it more urgent.
   */
  level?: Level;
}

export interface Finding extends RawFinding {
  ruleId: string;
  criterion: CriterionId;
  level: Level;
  /** Stable across re-runs and rebases: hash of ruleId, path, message id and the code at the line (not the line number). */
  fingerprint: string;
  /** Link to the lesson for this rule. */
  lesson?: string;
}

export type ChangeStatus = "added" | "modified" | "removed" | "renamed";

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  previousPath?: string;
  /** Content at head; absent for removed files or when it could not be fetched. */
  content?: string;
  /** Line numbers (1-based, head side) added by the change. */
  addedLines: Set<number>;
  /** Optional: size in bytes when content was not fetched (e.g. too large). */
  size?: number;
  /** Optional: the adapter already knows the file is binary. */
  binary?: boolean;
}

/** A repository file that did not change but that checks may read (for example test files). */
export interface RelatedFile {
  path: string;
  content: string;
}

export interface ReviewInput {
  files: ChangedFile[];
  /** Every path in the repository at head (for test mapping, README checks, ...). */
  repoPaths: string[];
  /** Contents of unchanged files checks may need (tests at least). Optional: checks degrade gracefully. */
  relatedFiles?: RelatedFile[];
  config: RepoConfig;
  rubric: Rubric;
  /** Files the adapter left out (e.g. a pull request over the size limit); listed as skipped, review is partial. */
  omitted?: SkippedFile[];
  /**
   * What is reviewed: a change (a pull request, a diff; the default) or the whole project (`--all`). A project's
   * scores are normalised by its size, and its report speaks of "this project".
   */
  scope?: ReviewScope;
}

export type ReviewScope = "change" | "project";

export interface CriterionResult {
  criterion: CriterionId;
  title: string;
  score: number;
  max: number;
  /** Name of the rubric level reached, e.g. "proficient". */
  level: string;
  findings: Finding[];
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export type Conclusion = "success" | "neutral" | "failure";

export interface ReviewResult {
  rubric: { id: string; title: string };
  criteria: CriterionResult[];
  /** All findings in the diff, most important first (also present per criterion). */
  findings: Finding[];
  conclusion: Conclusion;
  skipped: SkippedFile[];
  /** True when part of the change could not be reviewed (left out, content unavailable, a check failed, an analysis budget ran out). */
  partial: boolean;
  stats: { filesReviewed: number; filesSkipped: number; durationMs: number; linesReviewed?: number };
  /** "project" for a whole-project review; absent or "change" for a change. */
  scope?: ReviewScope;
}
