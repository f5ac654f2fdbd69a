import {
  PARSE_ERROR_CHECK_ID,
  type CheckRegistry,
  type EslintCheck,
  type FunctionCheck,
  type ProjectFiles,
  type SourceFile,
} from "../contract/check.js";
import type { Finding, RawFinding, ReviewInput, ReviewResult, SkippedFile } from "../contract/types.js";
import { enabledChecks, type EnabledCheck } from "./enabled-checks.js";
import { parseErrorOf, runEslintChecks } from "./eslint-runner.js";
import { isInChange } from "./filter-findings.js";
import { fingerprintFindings } from "./fingerprint.js";
import { compareFindings, conclude, gradeCriteria } from "./grade.js";
import { dropDeferred } from "./drop-deferred.js";
import { groupRepeated } from "./group-repeated.js";
import { lessonUrl } from "../contract/lesson-url.js";
import { levelRank } from "../contract/levels.js";
import { selectFiles } from "./select-files.js";
import { PARTIAL_REVIEW_PREFIXES } from "./skip-reason.js";

type RawByCheck = Map<string, RawFinding[]>;

function add(raw: RawByCheck, checkId: string, findings: readonly RawFinding[]): void {
  if (findings.length === 0) return;
  const list = raw.get(checkId) ?? [];
  list.push(...findings);
  raw.set(checkId, list);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}

const JS_PATH = /\.[cm]?[jt]sx?$/;

/** The review's JS/TS files by path: the files under review, then related files the adapter provided (never replacing one under review). */
function projectFiles(sources: readonly SourceFile[], input: ReviewInput): ProjectFiles {
  const contents = new Map<string, string>();
  for (const file of sources) if (file.language === "js") contents.set(file.path, file.content);
  const reviewed = new Set(contents.keys());
  for (const file of input.relatedFiles ?? [])
    if (JS_PATH.test(file.path) && !contents.has(file.path)) contents.set(file.path, file.content);
  return { contents, reviewed, limitsReached: new Map() };
}

function runJsChecks(
  sources: readonly SourceFile[],
  input: ReviewInput,
  enabled: readonly EnabledCheck[],
  raw: RawByCheck,
  problems: SkippedFile[],
): void {
  const eslintChecks = enabled
    .filter((entry): entry is EnabledCheck & { check: EslintCheck } => entry.check.kind === "eslint")
    .map(({ check, options }) => ({ check, options }));
  const reportParseErrors = enabled.some((entry) => entry.check.id === PARSE_ERROR_CHECK_ID);
  const project = projectFiles(sources, input);
  for (const file of sources) {
    if (file.language !== "js") continue;
    const result = runEslintChecks(file, eslintChecks, project);
    const parseError = eslintChecks.length > 0 ? result.parseError : reportParseErrors ? parseErrorOf(file) : undefined;
    for (const [checkId, findings] of result.findings) add(raw, checkId, findings);
    for (const crash of result.crashed)
      problems.push({ path: file.path, reason: `check "${crash.checkId}" failed on this file: ${crash.error}` });
    if (parseError) {
      if (!reportParseErrors) problems.push({ path: file.path, reason: `does not parse: ${parseError.message}` });
      else {
        add(raw, PARSE_ERROR_CHECK_ID, [
          {
            message: `This file does not parse, so nothing else in it could be reviewed. Fix the syntax error at line ${parseError.line}, column ${parseError.column}: ${parseError.message}`,
            path: file.path,
            line: parseError.line,
            column: parseError.column,
            scope: "file",
          },
        ]);
      }
    }
  }
  // A check that ran out of an analysis budget (cross-file summaries) did not follow everything: partial.
  problems.push(...(project.limitsReached?.values() ?? []));
}

function runFunctionChecks(
  sources: readonly SourceFile[],
  input: ReviewInput,
  enabled: readonly EnabledCheck[],
  raw: RawByCheck,
  problems: SkippedFile[],
): void {
  for (const entry of enabled) {
    if (entry.check.kind !== "function") continue;
    const check: FunctionCheck = entry.check;
    const files = sources.filter((file) => check.languages.includes(file.language));
    if (files.length === 0) continue;
    try {
      add(
        raw,
        check.id,
        check.run({
          files,
          repoPaths: input.repoPaths,
          relatedFiles: input.relatedFiles ?? [],
          options: entry.options,
        }),
      );
    } catch (error) {
      problems.push({ path: `(check ${check.id})`, reason: `check "${check.id}" failed: ${errorText(error)}` });
    }
  }
}

/**
 * Reviews a change against a rubric. Pure: everything it needs is in the input (no GitHub, no disk),
 * and the result is plain data that the report renderers turn into text, Markdown, JSON or SARIF.
 */
export interface ReviewOptions {
  /** The checks rubric ids refer to: Apprentice's `checksById` from the front ends, a small one in tests. */
  registry: CheckRegistry;
}

export function review(input: ReviewInput, options: ReviewOptions): ReviewResult {
  const started = performance.now();
  const enabled = enabledChecks(input.rubric, input.config, options.registry);
  const { sources, skipped } = selectFiles(input.files, input.config, enabled);
  const problems: SkippedFile[] = [];
  const raw: RawByCheck = new Map();
  runJsChecks(sources, input, enabled, raw, problems);
  runFunctionChecks(sources, input, enabled, raw, problems);

  const target = {
    addedLines: new Map(sources.map((file) => [file.path, file.addedLines] as const)),
    mode: input.config.filter,
    contextLines: input.config.contextLines,
  };
  const linesByPath = new Map<string, string[]>();
  for (const file of sources) linesByPath.set(file.path, file.content.split("\n"));
  const byId = new Map(enabled.map((entry) => [entry.check.id, entry]));
  const found: Finding[] = [];
  for (const [checkId, list] of raw) {
    const entry = byId.get(checkId);
    if (!entry) continue;
    const kept = list.filter((finding) => isInChange(finding, target));
    const fingerprints = fingerprintFindings(checkId, kept, linesByPath);
    kept.forEach((finding, index) => {
      found.push({
        ...finding,
        ruleId: checkId,
        criterion: entry.criterion,
        level: finding.level && levelRank(finding.level) > levelRank(entry.level) ? finding.level : entry.level,
        fingerprint: fingerprints[index] ?? "",
        lesson: lessonUrl(checkId),
        ...(entry.check.category && !finding.category ? { category: entry.check.category } : {}),
      });
    });
  }
  const findings = dropDeferred(found, new Map(enabled.map((entry) => [entry.check.id, entry.check] as const)));
  findings.sort(compareFindings);
  const shown = groupRepeated(findings, input.config.maxFindingsPerCheck ?? 3).sort(compareFindings);
  const linesReviewed = [...linesByPath.values()].reduce((sum, lines) => sum + lines.length, 0);
  const allSkipped = [...(input.omitted ?? []), ...skipped, ...problems];
  const partial =
    problems.length > 0 ||
    (input.omitted?.length ?? 0) > 0 ||
    skipped.some((entry) => PARTIAL_REVIEW_PREFIXES.some((prefix) => entry.reason.startsWith(prefix)));
  return {
    rubric: { id: input.rubric.id, title: input.rubric.title },
    // Graded on every finding; shown with a check's repeats beyond maxFindingsPerCheck counted in one summary.
    criteria: gradeCriteria(input.rubric, enabled, findings, input.scope === "project" ? linesReviewed : undefined).map(
      (criterion) => ({
        ...criterion,
        findings: shown.filter((finding) => finding.criterion === criterion.criterion),
      }),
    ),
    findings: shown,
    conclusion: conclude(findings, input.config.failOn ?? input.rubric.failOn, partial),
    skipped: allSkipped,
    partial,
    stats: {
      filesReviewed: sources.length,
      filesSkipped: allSkipped.length - problems.length,
      durationMs: Math.round(performance.now() - started),
      linesReviewed,
    },
    ...(input.scope ? { scope: input.scope } : {}),
  };
}
