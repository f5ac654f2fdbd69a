/**
 * The contract every check implements. A check is metadata plus either an ESLint rule
 * (run in-process by the engine's one warm Linter, one parse per file for all rules)
 * or a plain function over the review's files.
 */
import type { Rule } from "eslint";
import type { z } from "zod";
import type { Level } from "./levels.js";
import type { SecurityCategory } from "./security-categories.js";
import type { ChangeStatus, CriterionId, RawFinding, RelatedFile, SkippedFile } from "./types.js";

/** Languages the engine recognises, by file name. See src/review/language.ts. */
export type Language = "js" | "template" | "html" | "env" | "text";

export interface CheckMeta {
  /** kebab-case, unique, the file name of its lesson: rubrics/lessons/<id>.md */
  id: string;
  /** The criterion this check belongs to by default; the rubric may count it elsewhere. */
  criterion: CriterionId;
  /** One line, shown in `--list-checks` and in docs. */
  description: string;
  /** Level used when the rubric gives none. */
  defaultLevel: Level;
  /** Security checks: the category every finding of this check carries (unless the finding sets its own). */
  category?: SecurityCategory;
  /**
   * The rubric options this check takes (`options:` on its rubric entry). The rubric loader validates them
   * when the rubric loads, so a bad option names the rubric file and property path. A check without a
   * schema takes no options.
   */
  options?: z.ZodType<Record<string, unknown>>;
  /**
   * Checks this one gives way to: when one of them is enabled and reports on the same file and line, this
   * check's finding is dropped, so one mistake gets one finding (select-unbounded defers to list-unbounded on a
   * list endpoint's query). Each check still reports alone when the rubric leaves the other out. An entry with
   * `linesAbove` also gives way when the other check reported up to that many lines above in the same file: the
   * taint open-redirect finding on a redirect gives way to weak-allow-list's finding on the check guarding it.
   */
  defersTo?: readonly (string | DeferTo)[];
}

/** A check another one gives way to, on the same line or up to `linesAbove` lines above it in the same file. */
export interface DeferTo {
  check: string;
  linesAbove: number;
}

export interface SourceFile {
  path: string;
  content: string;
  language: Language;
  status: ChangeStatus;
  /** Added lines (head side). Empty in `nofilter` mode for unchanged files. */
  addedLines: Set<number>;
}

export interface CheckContext {
  /** Files under review, with content, not skipped. */
  files: SourceFile[];
  /** Every path in the repository at head. */
  repoPaths: string[];
  /** Unchanged files whose content the adapter provided (test files at least). */
  relatedFiles: RelatedFile[];
  /** Options from the rubric entry (already validated by the check's own schema when it has one). */
  options: Record<string, unknown>;
}

export interface EslintCheck extends CheckMeta {
  kind: "eslint";
  /** The rule module. ESLint core rules are wrapped with builtinRules.get(name). */
  rule: Rule.RuleModule;
  /** Turns rubric options into the ESLint rule's options array. Default: no options. */
  ruleOptions?: (options: Record<string, unknown>) => unknown[];
  /** Category per messageId, for rules that report several categories. */
  categoryByMessageId?: Record<string, SecurityCategory>;
  /** Only lint files whose path matches (e.g. application code, not tests). Default: all JS/TS. */
  appliesTo?: (path: string) => boolean;
  /**
   * Rewrites ESLint's message into words for a learner (what to do, then why). Used to wrap
   * ESLint core rules, whose own messages speak to experienced developers.
   */
  learnerMessage?: (message: { messageId?: string; message: string }) => string;
  /**
   * The level of one finding when it is milder than the rubric's, from the message and the rubric options
   * (a function over `informativeAbove` branches but not over `max` is informative). The rubric's level is the
   * ceiling: a finding's own level can make it milder, never more urgent. Default: the rubric's level.
   */
  levelOf?: (message: { messageId?: string; message: string }, options: Record<string, unknown>) => Level | undefined;
  /** Reads the data flow (`req.query.id -> id -> SQL template`) out of a message, for the finding's `trace`. */
  traceOf?: (message: string) => string | undefined;
}

export interface FunctionCheck extends CheckMeta {
  kind: "function";
  /** Languages this check reads. The engine passes only files of these languages. */
  languages: readonly Language[];
  run(context: CheckContext): RawFinding[];
}

/** Findings the engine itself produces (e.g. a file that does not parse). Metadata only. */
export interface EngineCheck extends CheckMeta {
  kind: "engine";
}

export type Check = EslintCheck | FunctionCheck | EngineCheck;

/**
 * The checks a rubric may name, by id. The engine never imports the registry itself: the front ends
 * (CLI, App, bench) pass Apprentice's (`checksById` in src/checks/registry.ts), tests pass their own.
 */
export type CheckRegistry = ReadonlyMap<string, Check>;

/** Id of the engine's own check: a JavaScript or TypeScript file that does not parse. */
export const PARSE_ERROR_CHECK_ID = "parse-error";

/**
 * Every JavaScript/TypeScript file of a review (the files under review and the related files the adapter
 * provided), by repository path: ESLint-backed checks that follow data across modules read it from
 * `context.settings[PROJECT_SETTINGS_KEY]`. One object per review, so caches keyed by it live as long as
 * the review.
 */
export interface ProjectFiles {
  readonly contents: ReadonlyMap<string, string>;
  /** The paths of `contents` under review (the rest are related files, whose findings are not shown). */
  readonly reviewed: ReadonlySet<string>;
  /**
   * Analysis budgets a check ran out of in this review, by budget (the cross-file summaries' evaluations), with
   * the first file it ran out in and what was not followed. The engine lists each as skipped and marks the
   * review partial. Absent in projects built by tests that do not ask.
   */
  readonly limitsReached?: Map<string, SkippedFile>;
}

/** The key of `ProjectFiles` in the settings the engine gives its ESLint rules. */
export const PROJECT_SETTINGS_KEY = "apprenticeProject";

/** The review's project files from an ESLint rule's settings, when the engine gave them. */
export function projectFilesOf(settings: Readonly<Record<string, unknown>> | undefined): ProjectFiles | undefined {
  const value = settings?.[PROJECT_SETTINGS_KEY] as { contents?: unknown } | undefined;
  return value && value.contents instanceof Map && (value as { reviewed?: unknown }).reviewed instanceof Set
    ? (value as ProjectFiles)
    : undefined;
}
