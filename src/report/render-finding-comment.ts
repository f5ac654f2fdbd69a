import type { Finding } from "../contract/types.js";
import { fingerprintMarker } from "./fingerprint-marker.js";
import { LEVEL_STYLE, levelBadge } from "./level-style.js";
import { codeBlock, escapeMarkdown, inlineCode, markdownLink } from "./markdown-escape.js";
import { truncateChars } from "./truncate.js";

export { fingerprintMarker, parseFingerprintMarker } from "./fingerprint-marker.js";

/** GitHub rejects comment bodies longer than this. */
export const MAX_COMMENT_LENGTH = 65_535;
const MAX_TRACE_LENGTH = 2_000;

/**
 * The body of the inline review comment for one finding: level badge, the message (what to do, then
 * why), the data flow, a suggestion block GitHub can apply, the lesson link, and the hidden fingerprint.
 */
export function renderFindingComment(finding: Finding): string {
  const message = escapeMarkdown(finding.message.trim());
  const hasSuggestion = finding.suggestion !== undefined;
  const full = compose(finding, message, hasSuggestion ? "show" : "none");
  if (full.length <= MAX_COMMENT_LENGTH) return full;
  const withoutSuggestion = compose(finding, message, hasSuggestion ? "too-long" : "none");
  if (withoutSuggestion.length <= MAX_COMMENT_LENGTH) return withoutSuggestion;
  const room = message.length - (withoutSuggestion.length - MAX_COMMENT_LENGTH);
  return compose(finding, truncateChars(message, Math.max(0, room)), hasSuggestion ? "too-long" : "none");
}

type SuggestionMode = "show" | "too-long" | "none";

function compose(finding: Finding, message: string, suggestion: SuggestionMode): string {
  const heading = [
    `${levelBadge(finding.level)}: ${LEVEL_STYLE[finding.level].meaning}`,
    inlineCode(finding.ruleId),
    finding.category ? inlineCode(finding.category) : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(" · ");
  const parts = [heading, message];
  if (finding.trace)
    parts.push(`**How the data flows:** ${inlineCode(truncateChars(finding.trace, MAX_TRACE_LENGTH))}`);
  if (suggestion === "show" && finding.suggestion !== undefined) {
    parts.push(`A possible fix, which you can apply from here:\n\n${codeBlock(finding.suggestion, "suggestion")}`);
  }
  if (suggestion === "too-long")
    parts.push("A possible fix exists, but it is too long to show in a comment; the lesson shows the pattern.");
  if (finding.lesson) parts.push(`📖 ${lessonPrompt(finding)}: ${markdownLink(finding.ruleId, finding.lesson)}`);
  parts.push(fingerprintMarker(finding.fingerprint));
  return parts.join("\n\n");
}

function lessonPrompt(finding: Finding): string {
  return LEVEL_STYLE[finding.level].annotationLevel === "notice" ? "More on this" : "Learn how and why in the lesson";
}
