import type { Finding, ReviewResult } from "../contract/types.js";
import { sortedByImportance } from "./finding-order.js";
import { LEVEL_STYLE } from "./level-style.js";
import { truncateChars, truncateUtf8 } from "./truncate.js";

/** GitHub's limit for an annotation's `message` and `raw_details`: 64 KB. */
export const MAX_ANNOTATION_BYTES = 65_535;
const MAX_TITLE_LENGTH = 255;

/** One check-run annotation, in the shape GitHub's REST API takes (`output.annotations[]`). */
export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "failure" | "warning" | "notice";
  title: string;
  message: string;
  raw_details?: string;
}

/**
 * The review's findings as check-run annotations, most important first: essential findings are
 * failures, actionable ones warnings, notes and praise notices. The App sends them 50 per request.
 */
export function toAnnotations(result: ReviewResult): CheckRunAnnotation[] {
  return sortedByImportance(result.findings).map(toAnnotation);
}

export function toAnnotation(finding: Finding): CheckRunAnnotation {
  const startLine = Math.max(1, Math.trunc(finding.line));
  const annotation: CheckRunAnnotation = {
    path: finding.path,
    start_line: startLine,
    end_line: Math.max(startLine, Math.trunc(finding.endLine ?? startLine)),
    annotation_level: LEVEL_STYLE[finding.level].annotationLevel,
    title: truncateChars(
      finding.category ? `${finding.ruleId} (${finding.category})` : finding.ruleId,
      MAX_TITLE_LENGTH,
    ),
    message: truncateUtf8(annotationMessage(finding), MAX_ANNOTATION_BYTES),
  };
  const details = rawDetails(finding);
  if (details) annotation.raw_details = truncateUtf8(details, MAX_ANNOTATION_BYTES);
  return annotation;
}

function annotationMessage(finding: Finding): string {
  const lesson = finding.lesson ? `\n\nLesson: ${finding.lesson}` : "";
  return `${finding.message.trim()}${lesson}`;
}

/** Plain text shown when the learner expands the annotation: the data flow and the suggested fix. */
function rawDetails(finding: Finding): string | undefined {
  const parts = [
    finding.trace ? `How the data flows: ${finding.trace}` : "",
    finding.suggestion !== undefined ? `A possible fix for ${lineRange(finding)}:\n${finding.suggestion}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join("\n\n") : undefined;
}

function lineRange(finding: Finding): string {
  return finding.endLine !== undefined && finding.endLine > finding.line
    ? `lines ${finding.line}-${finding.endLine}`
    : `line ${finding.line}`;
}
