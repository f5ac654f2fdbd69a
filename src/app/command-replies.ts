import { closeMatches } from "../validation/close-matches.js";

export const HELP_REPLY = [
  "**Apprentice commands** (write one at the start of a comment on this pull request):",
  "",
  "- `/apprentice review`: review this pull request again, now.",
  "- `/apprentice explain <check-id>`: show the lesson for a check, for example `/apprentice explain no-sql-injection`. The check id is at the end of each review comment.",
  "- `/apprentice help`: show this list.",
  "",
  "Settings live in `.github/apprentice.yml` (rubric, paths, inline comment limit, drafts).",
].join("\n");

/** The reply to `/apprentice explain <id>`: the lesson, or close matches when the id is unknown. */
export function explainReply(checkId: string, checkIds: readonly string[], readLesson: (id: string) => string | undefined): string {
  const lesson = checkIds.includes(checkId) ? readLesson(checkId) : undefined;
  if (lesson !== undefined) return `${lesson.trim()}\n\n<sub>Lesson for \`${checkId}\`, from Apprentice. Ask again with \`/apprentice explain <check-id>\`.</sub>`;
  const matches = closeMatches(checkId, checkIds);
  const lines = [`Apprentice has no check called \`${checkId}\`.`];
  if (matches.length > 0) {
    lines.push("", `Did you mean ${matches.map((id) => `\`${id}\``).join(", ")}? Try \`/apprentice explain ${matches[0]}\`.`);
  } else {
    lines.push("", "Copy the check id from the end of a review comment, or pick one of these:", "", "<details><summary>All checks</summary>", "", ...checkIds.map((id) => `- \`${id}\``), "", "</details>");
  }
  return lines.join("\n");
}

/** The reply to a command Apprentice does not know. */
export function unknownCommandReply(text: string): string {
  return `Apprentice does not know the command \`${text}\`.\n\n${HELP_REPLY}`;
}
