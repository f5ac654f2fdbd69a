import type { ReviewResult } from "../contract/types.js";
import { renderSummaryMarkdown } from "./render-markdown.js";
import { toJsonReport } from "./render-json.js";
import { toSarif, type SarifRuleInfo } from "./render-sarif.js";
import { renderText } from "./render-text.js";

/** Every format `npm run review -- --format <format>` can print. */
export const OUTPUT_FORMATS = ["text", "markdown", "json", "sarif"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** One line per format, for the CLI's help and the docs. */
export const OUTPUT_FORMAT_DESCRIPTIONS: Readonly<Record<OutputFormat, string>> = {
  text: "readable terminal output, coloured when printed to a terminal",
  markdown: "the pull request summary comment, in GitHub-flavoured Markdown",
  json: "a stable JSON report for scripts (see docs/json-report.md)",
  sarif: "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers (see docs/sarif.md)",
};

export function isOutputFormat(value: string): value is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(value);
}

export interface RenderOptions {
  /** Text format only: colour with ANSI codes (the CLI passes `process.stdout.isTTY`). */
  color?: boolean;
  /** JSON and SARIF: Apprentice's version; defaults to package.json's. */
  toolVersion?: string;
  /**
   * SARIF only: rule descriptions, from the checks' metadata (`sarifRulesFromChecks(allChecks)` in the CLI). Without
   * them SARIF still lists a rule for every check that reported, named by its id and linked to its lesson.
   */
  sarifRules?: readonly SarifRuleInfo[];
}

/** The review rendered in one output format, ready to print (ends with a newline). */
export function renderReport(format: OutputFormat, result: ReviewResult, options: RenderOptions = {}): string {
  switch (format) {
    case "text":
      return renderText(result, { color: options.color ?? false });
    case "markdown":
      return renderSummaryMarkdown(result);
    case "json":
      return `${JSON.stringify(toJsonReport(result, { toolVersion: options.toolVersion }), null, 2)}\n`;
    case "sarif":
      return `${JSON.stringify(toSarif(result, { toolVersion: options.toolVersion, rules: options.sarifRules ?? [] }), null, 2)}\n`;
  }
}
