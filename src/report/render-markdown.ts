import type { Finding, ReviewResult } from "../contract/types.js";
import { explanationOf, nothingReviewed, styleOf } from "./conclusion-style.js";
import { fitToLength, type ShownCounts, type TrimmableList } from "./fit-to-length.js";
import { sortedByImportance, sortedByLocation } from "./finding-order.js";
import { highScorePraise } from "./high-score-praise.js";
import type { LearningThemes } from "./learning-themes.js";
import { renderLearningThemes } from "./render-learning-themes.js";
import { LEVEL_STYLE, levelBadge } from "./level-style.js";
import { escapeHtml, escapeMarkdown, inlineCode, markdownLink, oneLine, tableCell } from "./markdown-escape.js";
import { fileCountsLine, findingCountsLine, formatScore, totalScore } from "./summary-counts.js";
import { truncateChars } from "./truncate.js";

/** The hidden first line by which the App finds its summary comment and edits it in place. */
export const SUMMARY_MARKER = "<!-- apprentice:summary -->";
/** GitHub's limit for a comment body and a check run's summary or text. */
export const GITHUB_MAX_BODY_LENGTH = 65_535;
/** "What to do next" lists at most this many findings; the check run's annotations hold the rest. */
export const MAX_NEXT_STEPS = 10;
const MAX_MESSAGE_LENGTH = 1_000;
const MAX_TITLE_LENGTH = 200;

export interface SummaryOptions {
  /** First line of the comment; default SUMMARY_MARKER. An empty string leaves the marker out. */
  marker?: string;
  /** Longest the Markdown may be, in UTF-16 code units; default 65535 (GitHub's limit). */
  maxLength?: number;
  /** The commit that was reviewed, shown under the title. */
  headSha?: string;
  /** The learner's recurring, fixed and focus themes across pull requests (the App looks them up). */
  history?: LearningThemes;
}

type ListKey = "notes" | "skipped" | "praise" | "next";

interface Parts {
  result: ReviewResult;
  options: SummaryOptions;
  items: Record<ListKey, string[]>;
  /** Items that exist beyond the rendered ones (e.g. next steps past MAX_NEXT_STEPS). */
  totals: Record<ListKey, number>;
}

/**
 * The pull request's summary comment (and `--format markdown`): marker, title, score table, praise, what
 * to do next, and a collapsible section with notes and skipped files. When it would be longer than
 * `maxLength`, detail is dropped a whole item at a time (notes first, then skipped files, praise, next
 * steps, then the table) and the comment says how many items it left out.
 */
export function renderSummaryMarkdown(result: ReviewResult, options: SummaryOptions = {}): string {
  const maxLength = options.maxLength ?? GITHUB_MAX_BODY_LENGTH;
  const findings = sortedByImportance(result.findings);
  const toFix = findings.filter((finding) => finding.level === "essential" || finding.level === "actionable");
  const notes = findings.filter((finding) => finding.level === "informative");
  const praise = sortedByLocation(findings.filter((finding) => finding.level === "celebratory"));
  const parts: Parts = {
    result,
    options,
    items: {
      next: toFix.slice(0, MAX_NEXT_STEPS).map((finding, index) => nextStepItem(finding, index)),
      praise: praise.map(praiseItem),
      notes: notes.map(noteItem),
      skipped: result.skipped.map((file) => `- ${inlineCode(file.path)}: ${escapeMarkdown(oneLine(file.reason))}`),
    },
    totals: { next: toFix.length, praise: praise.length, notes: notes.length, skipped: result.skipped.length },
  };
  const lists: TrimmableList<ListKey>[] = (["notes", "skipped", "praise", "next"] as const).map((key) => ({
    key,
    itemLengths: parts.items[key].map((item) => item.length),
    initial: parts.items[key].length,
  }));
  const withTable = fitToLength(lists, (shown) => compose(parts, shown, true), maxLength);
  if (withTable) return withTable.text;
  const withoutTable = fitToLength(lists, (shown) => compose(parts, shown, false), maxLength);
  if (withoutTable) return withoutTable.text;
  throw new RangeError(
    `maxLength ${maxLength} is too short for even the shortest summary (${compose(parts, { notes: 0, skipped: 0, praise: 0, next: 0 }, false).length} characters)`,
  );
}

function compose(parts: Parts, shown: ShownCounts<ListKey>, withTable: boolean): string {
  const { result, options } = parts;
  const blocks: string[] = [];
  if (options.marker !== "") blocks.push(options.marker ?? SUMMARY_MARKER);
  blocks.push(...header(result, options));
  blocks.push(
    withTable ? scoreTable(result) : "_The score table was left out to keep this comment within GitHub's size limit._",
  );
  blocks.push(...praiseSection(parts, shown.praise));
  blocks.push(...nextSection(parts, shown.next));
  const history = options.history ? renderLearningThemes(options.history) : "";
  if (history) blocks.push(history);
  blocks.push(...detailsSection(parts, shown));
  if (leftOut(parts, shown)) blocks.push(SEE_ALL);
  blocks.push(`---\n<sub>${escapeHtml(findingCountsLine(result))} · ${escapeHtml(fileCountsLine(result))}</sub>`);
  return `${blocks.join("\n\n")}\n`;
}

function header(result: ReviewResult, options: SummaryOptions): string[] {
  const style = styleOf(result);
  const total = totalScore(result);
  const context = [
    ...(nothingReviewed(result) ? [] : [`**Score: ${formatScore(total.score)}/${formatScore(total.max)}**`]),
    `rubric: ${escapeMarkdown(oneLine(truncateChars(result.rubric.title, MAX_TITLE_LENGTH)))}`,
    ...(options.headSha ? [`commit ${inlineCode(options.headSha.slice(0, 12))}`] : []),
  ];
  return [`## ${style.emoji} Apprentice review: ${style.headline}`, `${explanationOf(result)}\n${context.join(" · ")}`];
}

function scoreTable(result: ReviewResult): string {
  const rows = result.criteria.map((criterion) => {
    const title = tableCell(escapeMarkdown(truncateChars(criterion.title, MAX_TITLE_LENGTH)));
    const level = tableCell(escapeMarkdown(truncateChars(criterion.level, MAX_TITLE_LENGTH)));
    return `| ${title} | ${formatScore(criterion.score)}/${formatScore(criterion.max)} | ${level} |`;
  });
  return ["| Criterion | Score | Level |", "| --- | ---: | --- |", ...rows].join("\n");
}

function praiseSection(parts: Parts, shown: number): string[] {
  const heading = `### ${LEVEL_STYLE.celebratory.emoji} What you did well`;
  if (parts.totals.praise === 0) {
    const line = highScorePraise(parts.result);
    return line ? [heading, line] : [];
  }
  return [
    heading,
    listWithRest(parts.items.praise.slice(0, shown), parts.totals.praise - shown, [
      "thing done well",
      "things done well",
    ]),
  ];
}

function nextSection(parts: Parts, shown: number): string[] {
  const heading = "### What to do next";
  if (parts.totals.next === 0) {
    return [
      heading,
      parts.totals.notes > 0
        ? "Nothing in this change needs fixing. The notes below are worth a look when you want to go further."
        : "Nothing in this change needs fixing.",
    ];
  }
  const intro = "Start at the top: the most important findings come first.";
  return [
    heading,
    intro,
    listWithRest(parts.items.next.slice(0, shown), parts.totals.next - shown, ["finding to fix", "findings to fix"]),
  ];
}

function detailsSection(parts: Parts, shown: ShownCounts<ListKey>): string[] {
  const { notes, skipped } = parts.totals;
  if (notes === 0 && skipped === 0) return [];
  const counts = [notes > 0 ? plural(notes, "note") : "", skipped > 0 ? `${plural(skipped, "file")} not reviewed` : ""];
  const blocks = [`<details>\n<summary>${escapeHtml(counts.filter(Boolean).join(", "))}</summary>`];
  if (notes > 0)
    blocks.push(
      `#### ${LEVEL_STYLE.informative.emoji} Worth knowing`,
      listWithRest(parts.items.notes.slice(0, shown.notes), notes - shown.notes, ["note", "notes"]),
    );
  if (skipped > 0)
    blocks.push(
      "#### Files not reviewed",
      listWithRest(parts.items.skipped.slice(0, shown.skipped), skipped - shown.skipped, ["file", "files"]),
    );
  blocks.push("</details>");
  return blocks;
}

const SEE_ALL = "To see every finding, open the check run's annotations or run `npm run review` on your machine.";

function leftOut(parts: Parts, shown: ShownCounts<ListKey>): boolean {
  return (Object.keys(shown) as ListKey[]).some((key) => shown[key] < parts.totals[key]);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The items, then a line saying how many more there are, e.g. "…and 3 more notes not shown here." */
function listWithRest(items: readonly string[], rest: number, [one, many]: readonly [string, string]): string {
  const restLine = rest > 0 ? `_…and ${plural(rest, `more ${one}`, `more ${many}`)} not shown here._` : "";
  return [items.join("\n"), restLine].filter(Boolean).join("\n\n");
}

function nextStepItem(finding: Finding, index: number): string {
  const lesson = finding.lesson ? ` (${markdownLink("lesson", finding.lesson)})` : "";
  return `${index + 1}. ${levelBadge(finding.level)} ${location(finding)}: ${message(finding)}${lesson}`;
}

function praiseItem(finding: Finding): string {
  return `- ${location(finding)}: ${message(finding)}`;
}

function noteItem(finding: Finding): string {
  const lesson = finding.lesson ? ` (${markdownLink("lesson", finding.lesson)})` : "";
  return `- ${location(finding)}: ${message(finding)}${lesson}`;
}

function location(finding: Finding): string {
  return inlineCode(`${finding.path}:${finding.line}`);
}

function message(finding: Finding): string {
  return escapeMarkdown(oneLine(truncateChars(finding.message, MAX_MESSAGE_LENGTH)));
}
