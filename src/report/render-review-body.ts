import type { Finding } from "../contract/types.js";
import { escapeMarkdown, inlineCode, oneLine } from "./markdown-escape.js";

/** How a finding's hidden fingerprint is written (`fingerprintMarker` from render-finding-comment.ts in the App). */
export interface FingerprintMarking {
  fingerprintMarker(fingerprint: string): string;
}

const MAX_REVIEW_BODY = 65000;

/** One line per finding: the learner's path and message are escaped, so they cannot break the list or add HTML. */
function item(finding: Finding, renderers: FingerprintMarking): string {
  const place = inlineCode(`${finding.path}:${finding.line}`);
  return `- **${finding.level}** ${place}: ${escapeMarkdown(oneLine(finding.message))} ${renderers.fingerprintMarker(finding.fingerprint)}`;
}

/**
 * The review's body: a short note on the inline comments, then every new finding that could not be
 * placed inline, one per line with its hidden fingerprint (so a re-run does not list it again).
 */
export function renderReviewBody(
  inlineCount: number,
  overflow: readonly Finding[],
  maxInline: number,
  renderers: FingerprintMarking,
): string {
  const parts: string[] = [];
  if (inlineCount > 0) {
    parts.push(
      `Apprentice left ${inlineCount} comment${inlineCount === 1 ? "" : "s"} on lines of this change, most important first. Each says what to do and why; the summary comment shows the whole rubric.`,
    );
  }
  if (overflow.length > 0) {
    parts.push(
      `${overflow.length === 1 ? "This finding does" : `These ${overflow.length} findings do`} not sit on a line of the diff, or go past the ${maxInline} inline comments this repository allows (\`maxInlineComments\`):`,
    );
    let body = parts.join("\n\n");
    const lines: string[] = [];
    for (const [index, finding] of overflow.entries()) {
      const line = item(finding, renderers);
      if (body.length + lines.join("\n").length + line.length > MAX_REVIEW_BODY) {
        lines.push(`- …and ${overflow.length - index} more, listed in the check run's annotations.`);
        break;
      }
      lines.push(line);
    }
    body = `${body}\n\n${lines.join("\n")}`;
    return body;
  }
  return parts.join("\n\n");
}
