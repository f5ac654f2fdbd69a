import type { Finding, ReviewResult } from "../contract/types.js";
import { styleOf } from "./conclusion-style.js";
import { countByLevel } from "./count-by-level.js";
import { fitToLength } from "./fit-to-length.js";
import { sortedByImportance } from "./finding-order.js";
import { levelBadge } from "./level-style.js";
import { escapeMarkdown, inlineCode, oneLine } from "./markdown-escape.js";
import { GITHUB_MAX_BODY_LENGTH, renderSummaryMarkdown } from "./render-markdown.js";
import { truncateChars } from "./truncate.js";

/** `output` of a GitHub check run. */
export interface CheckRunOutput {
  title: string;
  /** Markdown, at most 65535 characters. */
  summary: string;
  /** Markdown, at most 65535 characters: the findings beyond `maxAnnotations`, when there are any. */
  text?: string;
}

export interface CheckRunOutputOptions {
  /** How many findings the App sends as annotations (most important first); the rest are listed in `text`. Default: all. */
  maxAnnotations?: number;
}

const MAX_MESSAGE_LENGTH = 500;

/** The check run's title, summary (the review summary without its comment marker) and overflow text. */
export function toCheckRunOutput(result: ReviewResult, options: CheckRunOutputOptions = {}): CheckRunOutput {
  const output: CheckRunOutput = {
    title: checkRunTitle(result),
    summary: renderSummaryMarkdown(result, { marker: "", maxLength: GITHUB_MAX_BODY_LENGTH }),
  };
  const unannotated = sortedByImportance(result.findings).slice(
    Math.max(0, options.maxAnnotations ?? Number.POSITIVE_INFINITY),
  );
  if (unannotated.length > 0) output.text = overflowText(unannotated);
  return output;
}

/** e.g. "Changes needed: 1 essential, 2 actionable" or "Ready to merge: 3 notes, 2 praise". */
export function checkRunTitle(result: ReviewResult): string {
  const counts = countByLevel(result.findings);
  const parts = [
    counts.essential > 0 ? `${counts.essential} essential` : "",
    counts.actionable > 0 ? `${counts.actionable} actionable` : "",
    counts.informative > 0 ? `${counts.informative} ${counts.informative === 1 ? "note" : "notes"}` : "",
    counts.celebratory > 0 ? `${counts.celebratory} praise` : "",
  ].filter(Boolean);
  return `${styleOf(result).headline}: ${parts.length > 0 ? parts.join(", ") : "no findings"}`;
}

function overflowText(findings: readonly Finding[]): string {
  const items = findings.map(
    (finding) =>
      `- ${levelBadge(finding.level)} ${inlineCode(`${finding.path}:${finding.line}`)} ${inlineCode(finding.ruleId)}: ${escapeMarkdown(oneLine(truncateChars(finding.message, MAX_MESSAGE_LENGTH)))}`,
  );
  const compose = (shown: { findings: number }): string => {
    const rest = items.length - shown.findings;
    const restLine =
      rest > 0 ? `\n\n_…and ${rest} more not shown here; run \`npm run review\` on your machine to see them all._` : "";
    return `### Findings without an annotation\n\nThese findings did not fit in the check run's annotations.\n\n${items.slice(0, shown.findings).join("\n")}${restLine}\n`;
  };
  const fitted = fitToLength(
    [{ key: "findings", itemLengths: items.map((item) => item.length), initial: items.length }],
    compose,
    GITHUB_MAX_BODY_LENGTH,
  );
  return fitted?.text ?? compose({ findings: 0 });
}
