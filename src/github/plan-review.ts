import type { Finding } from "../contract/types.js";
import { fingerprintsIn, type FindingRenderers } from "./finding-renderers.js";

export interface InlineComment {
  path: string;
  line: number;
  side: "RIGHT";
  start_line?: number;
  start_side?: "RIGHT";
  body: string;
}

export interface ReviewPlan {
  comments: InlineComment[];
  /** The findings behind `comments`, in the same order. */
  placed: Finding[];
  /** New findings that are not posted inline (over the limit, or not on a line of the diff): listed in the review body. */
  overflow: Finding[];
}

function allInDiff(lines: ReadonlySet<number>, from: number, to: number): boolean {
  for (let line = from; line <= to; line += 1) if (!lines.has(line)) return false;
  return true;
}

function placement(
  finding: Finding,
  diffLines: ReadonlyMap<string, ReadonlySet<number>>,
): Pick<InlineComment, "line" | "start_line"> | undefined {
  const lines = diffLines.get(finding.path);
  if (!lines?.has(finding.line)) return undefined;
  if (finding.endLine !== undefined && finding.endLine > finding.line) {
    if (allInDiff(lines, finding.line, finding.endLine)) return { start_line: finding.line, line: finding.endLine };
    // A suggestion replaces the whole range; anchored on one line it would replace the wrong code.
    if (finding.suggestion !== undefined) return undefined;
  }
  return { line: finding.line };
}

/**
 * Decides what one review posts: inline comments only on lines of the diff, most important first (the
 * findings arrive sorted), at most `maxInline`; findings already posted (their fingerprint is in an
 * earlier Apprentice comment) are skipped; praise stays in the summary comment.
 */
export function planReview(
  findings: readonly Finding[],
  diffLines: ReadonlyMap<string, ReadonlySet<number>>,
  postedFingerprints: ReadonlySet<string>,
  maxInline: number,
  renderers: FindingRenderers,
): ReviewPlan {
  const comments: InlineComment[] = [];
  const placed: Finding[] = [];
  const overflow: Finding[] = [];
  const seen = new Set(postedFingerprints);
  for (const finding of findings) {
    if (finding.level === "celebratory" || seen.has(finding.fingerprint)) continue;
    seen.add(finding.fingerprint);
    const where = placement(finding, diffLines);
    if (where === undefined || comments.length >= maxInline) {
      overflow.push(finding);
      continue;
    }
    let body = renderers.renderFindingComment(finding);
    if (!fingerprintsIn(body, renderers).includes(finding.fingerprint))
      body = `${body}\n\n${renderers.fingerprintMarker(finding.fingerprint)}`;
    placed.push(finding);
    comments.push({
      path: finding.path,
      side: "RIGHT",
      ...where,
      ...(where.start_line !== undefined ? { start_side: "RIGHT" as const } : {}),
      body,
    });
  }
  return { comments, placed, overflow };
}
