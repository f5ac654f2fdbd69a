import { Linter, type Rule } from "eslint";
import { PROJECT_SETTINGS_KEY, type EslintCheck, type ProjectFiles, type SourceFile } from "../contract/check.js";
import { cachingParser } from "./caching-parser.js";
import type { RawFinding } from "../contract/types.js";

export interface EnabledEslintCheck {
  check: EslintCheck;
  options: Record<string, unknown>;
}

export interface EslintFileResult {
  findings: Map<string, RawFinding[]>;
  /** Set when the file does not parse: the parser's message and position. */
  parseError?: { line: number; column: number; message: string };
  /** Checks that threw on this file: their findings are missing, the rest are kept. */
  crashed: { checkId: string; error: string }[];
}

const PLUGIN = "apprentice";
const JS_FILES = ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs", "**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"];

/** One warm Linter for the whole process: ESLint's rules and parser are loaded once. */
const linter = new Linter({ configType: "flat" });
const configCache = new Map<string, Linter.Config[]>();

/**
 * The flat config that runs these checks as one plugin's rules, with typescript-eslint's parser; cached by
 * the set of checks and options. The benchmark lints with this same config, so its baselines run the same rules.
 */
export function eslintConfigFor(
  entries: readonly EnabledEslintCheck[],
  sourceType: "module" | "commonjs" = "module",
): Linter.Config[] {
  const key = `${sourceType}\u0000${entries.map(({ check, options }) => `${check.id}:${JSON.stringify(options)}`).join("\u0001")}`;
  const cached = configCache.get(key);
  if (cached) return cached;
  const rules: Record<string, Rule.RuleModule> = {};
  const ruleSettings: Linter.RulesRecord = {};
  for (const { check, options } of entries) {
    rules[check.id] = check.rule;
    ruleSettings[`${PLUGIN}/${check.id}`] = ["warn", ...(check.ruleOptions?.(options) ?? [])] as Linter.RuleEntry;
  }
  const config: Linter.Config[] = [
    {
      files: JS_FILES,
      languageOptions: {
        parser: cachingParser,
        ecmaVersion: "latest",
        sourceType,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: "off", reportUnusedInlineConfigs: "off" },
      plugins: { [PLUGIN]: { rules } },
      rules: ruleSettings,
    },
  ];
  if (configCache.size > 64) configCache.clear();
  configCache.set(key, config);
  return config;
}

function sourceTypeOf(path: string): "module" | "commonjs" {
  return path.endsWith(".cjs") || path.endsWith(".cts") ? "commonjs" : "module";
}

/** Text of lines [first, last] (1-based) after replacing range with text: what a GitHub suggestion block holds. */
function suggestionFor(
  content: string,
  fix: { range: readonly [number, number]; text: string },
): { first: number; last: number; text: string } {
  const [start, end] = fix.range;
  const first = content.slice(0, start).split("\n").length;
  const last = content.slice(0, end).split("\n").length;
  const lineStart = content.lastIndexOf("\n", start - 1) + 1;
  const nextBreak = content.indexOf("\n", end);
  const lineEnd = nextBreak === -1 ? content.length : nextBreak;
  const text = content.slice(lineStart, start) + fix.text + content.slice(end, lineEnd);
  return { first, last, text };
}

function toRawFinding(
  message: Linter.LintMessage,
  { check, options }: EnabledEslintCheck,
  file: SourceFile,
): RawFinding {
  const finding: RawFinding = {
    message: check.learnerMessage
      ? check.learnerMessage({ messageId: message.messageId, message: message.message })
      : message.message,
    path: file.path,
    line: message.line,
    column: message.column,
  };
  if (message.messageId) finding.messageId = message.messageId;
  if (message.endLine !== undefined && message.endLine !== message.line) finding.endLine = message.endLine;
  if (message.endColumn !== undefined) finding.endColumn = message.endColumn;
  const level = check.levelOf?.({ messageId: message.messageId, message: message.message }, options);
  if (level) finding.level = level;
  const trace = check.traceOf?.(message.message);
  if (trace) finding.trace = trace;
  const category = (message.messageId && check.categoryByMessageId?.[message.messageId]) || check.category;
  if (category) finding.category = category;
  const fix = message.fix ?? message.suggestions?.[0]?.fix;
  if (fix) {
    const suggestion = suggestionFor(file.content, fix);
    const findingEnd = finding.endLine ?? finding.line;
    finding.line = Math.min(finding.line, suggestion.first);
    const endLine = Math.max(findingEnd, suggestion.last);
    // The suggestion replaces exactly the finding's lines, so widen the finding to the fix's lines when needed.
    if (suggestion.first === finding.line && suggestion.last === endLine) {
      finding.suggestion = suggestion.text;
      if (endLine !== finding.line) finding.endLine = endLine;
    } else if (endLine !== finding.line) {
      finding.endLine = endLine;
    }
  }
  return finding;
}

/** The config with the review's project files in its settings (ESLint normalises a config on every verify, so this adds no work). */
const withProject = new WeakMap<Linter.Config[], WeakMap<ProjectFiles, Linter.Config[]>>();

function configWithProject(config: Linter.Config[], project: ProjectFiles | undefined): Linter.Config[] {
  if (!project) return config;
  let byProject = withProject.get(config);
  if (!byProject) withProject.set(config, (byProject = new WeakMap()));
  let combined = byProject.get(project);
  if (!combined) byProject.set(project, (combined = [...config, { settings: { [PROJECT_SETTINGS_KEY]: project } }]));
  return combined;
}

function lint(file: SourceFile, entries: readonly EnabledEslintCheck[], project?: ProjectFiles): Linter.LintMessage[] {
  return linter.verify(file.content, configWithProject(eslintConfigFor(entries, sourceTypeOf(file.path)), project), {
    filename: file.path,
  });
}

/**
 * Runs every enabled ESLint-backed check over one JS/TS file in a single parse and traversal; `project` (the
 * review's other JS/TS files) reaches the rules through their settings, for checks that follow data across
 * modules. A check
 * that throws is retried alone so the others' findings survive; a file that does not parse yields its
 * parser message instead of findings.
 */
export function runEslintChecks(
  file: SourceFile,
  enabled: readonly EnabledEslintCheck[],
  project?: ProjectFiles,
): EslintFileResult {
  const entries = enabled.filter(({ check }) => !check.appliesTo || check.appliesTo(file.path));
  const result: EslintFileResult = { findings: new Map(), crashed: [] };
  if (entries.length === 0) return result;
  let messages: Linter.LintMessage[];
  try {
    messages = lint(file, entries, project);
  } catch {
    messages = [];
    for (const entry of entries) {
      try {
        messages.push(...lint(file, [entry], project));
      } catch (error) {
        result.crashed.push({
          checkId: entry.check.id,
          error: error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error),
        });
      }
    }
  }
  const byId = new Map(entries.map((entry) => [entry.check.id, entry]));
  for (const message of messages) {
    if (message.fatal) {
      result.parseError ??= {
        line: message.line,
        column: message.column,
        message: message.message.replace(/^Parsing error:\s*/, ""),
      };
      continue;
    }
    if (!message.ruleId?.startsWith(`${PLUGIN}/`)) continue;
    const entry = byId.get(message.ruleId.slice(PLUGIN.length + 1));
    if (!entry) continue;
    const list = result.findings.get(entry.check.id) ?? [];
    list.push(toRawFinding(message, entry, file));
    result.findings.set(entry.check.id, list);
  }
  return result;
}

/** Parses a file only to learn whether it parses: used when no ESLint check is enabled for it. */
export function parseErrorOf(file: SourceFile): EslintFileResult["parseError"] {
  const messages = linter.verify(file.content, eslintConfigFor([], sourceTypeOf(file.path)), { filename: file.path });
  const fatal = messages.find((message) => message.fatal);
  return fatal
    ? { line: fatal.line, column: fatal.column, message: fatal.message.replace(/^Parsing error:\s*/, "") }
    : undefined;
}
