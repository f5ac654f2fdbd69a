import { lessonUrl } from "../contract/lesson-url.js";
import type { Exercise } from "./template-manifest-schema.js";

export interface RenderExerciseOptions {
  /** Rubric criterion id -> the rubric's title for it. */
  criterionTitles: ReadonlyMap<string, string>;
  /** The Markdown level of the section headings: 2 in an issue, 3 under an exercise's own heading in EXERCISES.md. */
  headingLevel: 2 | 3;
}

/** A paragraph as one list item: continuation lines indented under the marker. */
function listItem(marker: string, text: string): string {
  const lines = text
    .trim()
    .split("\n")
    .map((line) => line.trim());
  return [
    `${marker} ${lines[0] ?? ""}`,
    ...lines.slice(1).map((line) => `${" ".repeat(marker.length + 1)}${line}`),
  ].join("\n");
}

/** The two-step hint: the nudge folded, and the approach folded inside it. */
export function renderHint(hint: Exercise["hint"]): string {
  return [
    "<details><summary>Stuck? A hint</summary>",
    "",
    hint.nudge.trim(),
    "",
    "<details><summary>Still stuck? The approach</summary>",
    "",
    hint.approach.trim(),
    "",
    "</details>",
    "</details>",
  ].join("\n");
}

/** "Apprentice will check: [`a`](lesson), [`b`](lesson)." */
export function renderChecks(checks: readonly string[]): string {
  return `Apprentice will check: ${checks.map((id) => `[\`${id}\`](${lessonUrl(id)})`).join(", ")}.`;
}

/**
 * One exercise as Markdown, the same in its GitHub issue and in EXERCISES.md: the task, the acceptance
 * criteria as a checklist, the tips, the folded two-step hint, and how Apprentice grades it.
 */
export function renderExercise(exercise: Exercise, options: RenderExerciseOptions): string {
  const heading = "#".repeat(options.headingLevel);
  const parts = [
    exercise.body.trim(),
    "",
    `${heading} Acceptance criteria`,
    "",
    ...exercise.acceptance.map((item) => listItem("- [ ]", item)),
    "",
  ];
  if (exercise.tips.length > 0)
    parts.push(`${heading} Tips`, "", ...exercise.tips.map((tip) => listItem("-", tip)), "");
  parts.push(renderHint(exercise.hint), "");
  const criteria = exercise.criteria.map((id) => `- ${options.criterionTitles.get(id) ?? id} (\`${id}\`)`);
  parts.push(
    `${heading} What Apprentice reviews`,
    "",
    "Open a pull request for this exercise; Apprentice grades it on these rubric criteria:",
    "",
    ...criteria,
    "",
    renderChecks(exercise.checks),
  );
  return parts.join("\n");
}
