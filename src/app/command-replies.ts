import { closeMatches } from "../validation/close-matches.js";

export const HELP_REPLY = [
  "**Apprentice commands** (write one at the start of a comment on this pull request):",
  "",
  "- `/apprentice review`: review this pull request again, now.",
  "- `/apprentice explain <check-id>`: show the lesson for a check, for example `/apprentice explain no-sql-injection`. The check id is at the end of each review comment.",
  "- `/apprentice progress`: your criterion scores over your last pull requests, as a table and a chart (on your own pull request).",
  "- `/apprentice forget-me`: delete every review Apprentice stored about you in this installation.",
  "- `/apprentice help`: show this list.",
  "",
  "Settings live in `.github/apprentice.yml` (rubric, paths, inline comment limit, drafts).",
].join("\n");

/** The reply to `/apprentice explain <id>`: the lesson, or close matches when the id is unknown. */
export function explainReply(
  checkId: string,
  checkIds: readonly string[],
  readLesson: (id: string) => string | undefined,
): string {
  const lesson = checkIds.includes(checkId) ? readLesson(checkId) : undefined;
  if (lesson !== undefined)
    return `${lesson.trim()}\n\n<sub>Lesson for \`${checkId}\`, from Apprentice. Ask again with \`/apprentice explain <check-id>\`.</sub>`;
  const matches = closeMatches(checkId, checkIds);
  const lines = [`Apprentice has no check called \`${checkId}\`.`];
  if (matches.length > 0) {
    lines.push(
      "",
      `Did you mean ${matches.map((id) => `\`${id}\``).join(", ")}? Try \`/apprentice explain ${matches[0]}\`.`,
    );
  } else {
    lines.push(
      "",
      "Copy the check id from the end of a review comment, or pick one of these:",
      "",
      "<details><summary>All checks</summary>",
      "",
      ...checkIds.map((id) => `- \`${id}\``),
      "",
      "</details>",
    );
  }
  return lines.join("\n");
}

/** The reply to a command Apprentice does not know. */
export function unknownCommandReply(text: string): string {
  return `Apprentice does not know the command \`${text}\`.\n\n${HELP_REPLY}`;
}

/** The reply to `/apprentice forget-me`. */
export function forgetMeReply(login: string, deleted: number): string {
  const what = deleted === 1 ? "1 stored review" : `${deleted} stored reviews`;
  return `Done, @${login}: Apprentice deleted ${what} about you in this installation (scores, findings, pull request links). Later reviews of your pull requests will be stored again; write \`/apprentice forget-me\` again at any time.`;
}

/** The reply to `/apprentice progress` from someone other than the pull request's author. */
export function progressNotYoursReply(author: string): string {
  return `\`/apprentice progress\` shows the scores of this pull request's author, so only @${author} can ask for it here. Instructors see every learner's progress on the Apprentice dashboard.`;
}

/** The reply to a history command when the App runs without a history database. */
export const NO_HISTORY_REPLY =
  "This Apprentice server keeps no review history, so there is no progress to show and nothing stored to forget.";
