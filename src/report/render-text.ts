import picocolors from "picocolors";
import type { Finding, ReviewResult } from "../contract/types.js";
import { explanationOf, nothingReviewed, styleOf } from "./conclusion-style.js";
import { sortedByLocation } from "./finding-order.js";
import { LEVEL_STYLE } from "./level-style.js";
import { highScorePraise } from "./high-score-praise.js";
import { fileCountsLine, findingCountsLine, formatScore, totalScore } from "./summary-counts.js";

export interface TextOptions {
  /** Colour with ANSI codes; the CLI passes `process.stdout.isTTY`. */
  color?: boolean;
}

type Colors = ReturnType<typeof picocolors.createColors>;

/** The review for a terminal: header, scores, findings by file, praise, skipped files, counts. */
export function renderText(result: ReviewResult, options: TextOptions = {}): string {
  const c = picocolors.createColors(options.color === true);
  const blocks = [header(result, c), criteriaBlock(result, c)];
  const problems = result.findings.filter((finding) => finding.level !== "celebratory");
  if (problems.length > 0) blocks.push(...findingsByFile(problems, c));
  const praise = result.findings.filter((finding) => finding.level === "celebratory");
  const fallbackPraise = highScorePraise(result);
  if (praise.length > 0) blocks.push(praiseBlock(praise, c));
  else if (fallbackPraise) blocks.push(`${c.bold(c.green("What you did well"))}\n  ${fallbackPraise}`);
  if (result.skipped.length > 0) blocks.push(skippedBlock(result, c));
  blocks.push(closingLine(result, c));
  return `${blocks.join("\n\n")}\n`;
}

function header(result: ReviewResult, c: Colors): string {
  const style = styleOf(result);
  const total = totalScore(result);
  const score = nothingReviewed(result)
    ? ""
    : ` ${c.dim(`Score ${formatScore(total.score)}/${formatScore(total.max)}.`)}`;
  return [
    `${c.bold("Apprentice review")} ${c.dim("·")} ${safe(result.rubric.title)} ${c.dim(`(${safe(result.rubric.id)})`)}`,
    `${c.bold(c[style.color](style.headline))}: ${explanationOf(result)}${score}`,
  ].join("\n");
}

function criteriaBlock(result: ReviewResult, c: Colors): string {
  const titleWidth = Math.max(0, ...result.criteria.map((criterion) => safe(criterion.title).length));
  const scores = result.criteria.map((criterion) => `${formatScore(criterion.score)}/${formatScore(criterion.max)}`);
  const scoreWidth = Math.max(0, ...scores.map((score) => score.length));
  return result.criteria
    .map((criterion, index) => {
      const ratio = criterion.max > 0 ? criterion.score / criterion.max : 1;
      const color = ratio >= 0.9 ? c.green : ratio >= 0.5 ? c.yellow : c.red;
      return `  ${safe(criterion.title).padEnd(titleWidth)}  ${color((scores[index] ?? "").padStart(scoreWidth))}  ${safe(criterion.level)}`;
    })
    .join("\n");
}

function findingsByFile(findings: readonly Finding[], c: Colors): string[] {
  const byPath = new Map<string, Finding[]>();
  for (const finding of sortedByLocation(findings))
    byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  return [...byPath].map(([path, fileFindings]) => {
    const locationWidth = Math.max(...fileFindings.map((finding) => location(finding).length));
    const ruleWidth = Math.max(...fileFindings.map((finding) => safe(finding.ruleId).length));
    const lines = [c.underline(c.bold(safe(path)))];
    for (const finding of fileFindings) lines.push(...findingLines(finding, locationWidth, ruleWidth, c));
    return lines.join("\n");
  });
}

const LEVEL_WIDTH = Math.max(...Object.keys(LEVEL_STYLE).map((level) => level.length));
const DETAIL_INDENT = "      ";

function findingLines(finding: Finding, locationWidth: number, ruleWidth: number, c: Colors): string[] {
  const style = LEVEL_STYLE[finding.level];
  const [first = "", ...rest] = safe(finding.message.trim()).split("\n");
  const lines = [
    `  ${c.dim(location(finding).padEnd(locationWidth))}  ${c[style.color](finding.level.padEnd(LEVEL_WIDTH))}  ${c.dim(safe(finding.ruleId).padEnd(ruleWidth))}  ${first}`,
    ...rest.map((line) => `${DETAIL_INDENT}${line}`),
  ];
  if (finding.category) lines.push(labelled("category", finding.category, c));
  if (finding.trace) lines.push(labelled("data flow", finding.trace, c));
  if (finding.suggestion !== undefined) lines.push(labelled("fix", suggestionText(finding), c));
  if (finding.lesson) lines.push(labelled("lesson", finding.lesson, c));
  return lines;
}

/** The replacement code, or words for a fix that only removes code (an empty or blank replacement). */
function suggestionText(finding: Finding): string {
  if (finding.suggestion?.trim()) return finding.suggestion;
  return finding.endLine !== undefined && finding.endLine > finding.line
    ? `remove lines ${finding.line}-${finding.endLine}`
    : `remove line ${finding.line}`;
}

function labelled(label: string, value: string, c: Colors): string {
  const indent = `${DETAIL_INDENT}${" ".repeat(label.length + 2)}`;
  const [first = "", ...rest] = safe(value.replace(/\n$/, "")).split("\n");
  return [`${DETAIL_INDENT}${c.dim(`${label}:`)} ${first}`, ...rest.map((line) => `${indent}${line}`)].join("\n");
}

function praiseBlock(praise: readonly Finding[], c: Colors): string {
  const lines = [c.bold(c.green("What you did well"))];
  for (const finding of sortedByLocation(praise)) {
    lines.push(
      `  ${c.green("+")} ${c.dim(location(finding))}  ${safe(finding.message.trim()).replace(/\n/g, `\n${DETAIL_INDENT}`)}`,
    );
  }
  return lines.join("\n");
}

function skippedBlock(result: ReviewResult, c: Colors): string {
  const width = Math.max(...result.skipped.map((file) => safe(file.path).length));
  const lines = [c.bold("Not reviewed")];
  for (const file of result.skipped) lines.push(`  ${safe(file.path).padEnd(width)}  ${c.dim(safe(file.reason))}`);
  return lines.join("\n");
}

function closingLine(result: ReviewResult, c: Colors): string {
  return c.dim(`${findingCountsLine(result)} · ${fileCountsLine(result)}`);
}

function location(finding: Finding): string {
  return `${safe(finding.path)}:${finding.line}`;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Learner-controlled text (paths, quoted code) must not drive the terminal: control characters such as
 * ESC are shown as visible escapes instead of being printed.
 */
function safe(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_CHARACTERS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
