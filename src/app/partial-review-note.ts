import type { CollectedInput } from "../github/collect-input.js";

const LISTED = 30;

/** The note a partly reviewed pull request gets: what was left out and why. Empty when it was reviewed whole. */
export function partialReviewNote(collected: Pick<CollectedInput, "partial" | "leftOut" | "files">): string {
  if (!collected.partial) return "";
  const lines = collected.leftOut.slice(0, LISTED).map((file) => `- \`${file.path}\`: ${file.reason}`);
  if (collected.leftOut.length > LISTED) lines.push(`- …and ${collected.leftOut.length - LISTED} more files.`);
  return [
    `> [!NOTE]`,
    `> **Reviewed partly.** This pull request is larger than Apprentice reviews at once, so it reviewed the ${collected.files.length} most relevant files (application code and tests first, largest changes first) and left out ${collected.leftOut.length}. The check is neutral, not green: the files below were not looked at. Smaller pull requests get a complete review and are easier for people to review too.`,
    "",
    ...lines,
  ].join("\n");
}
