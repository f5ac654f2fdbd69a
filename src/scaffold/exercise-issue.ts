import type { Exercise } from "./template-manifest-schema.js";

export interface ExerciseIssue {
  title: string;
  body: string;
  labels: string[];
}

/**
 * The GitHub issue for one exercise: its task, its hints and the rubric criteria it practises, labelled
 * `exercise` and with its skill. `criterionTitles` maps criterion ids to the rubric's titles.
 */
export function exerciseIssue(exercise: Exercise, criterionTitles: ReadonlyMap<string, string>): ExerciseIssue {
  const hints = exercise.hints.map((hint) => `- ${hint}`).join("\n");
  const criteria = exercise.criteria.map((id) => `- ${criterionTitles.get(id) ?? id} (\`${id}\`)`).join("\n");
  const body = [
    exercise.body.trimEnd(),
    "",
    "## Hints",
    "",
    hints,
    "",
    "## What Apprentice reviews",
    "",
    "Open a pull request for this exercise; Apprentice grades it on these rubric criteria:",
    "",
    criteria,
    "",
    `<!-- apprentice-exercise: ${exercise.id} -->`,
    "",
  ].join("\n");
  return { title: exercise.title, body, labels: ["exercise", exercise.skill] };
}
