import { renderExercise } from "./render-exercise.js";
import type { Exercise } from "./template-manifest-schema.js";

export interface ExerciseIssue {
  title: string;
  body: string;
  labels: string[];
}

/**
 * The GitHub issue for one exercise (see renderExercise), labelled `exercise` and with its skill, and
 * marked with a hidden comment naming the exercise. `criterionTitles` maps criterion ids to the rubric's titles.
 */
export function exerciseIssue(exercise: Exercise, criterionTitles: ReadonlyMap<string, string>): ExerciseIssue {
  const body = [
    renderExercise(exercise, { criterionTitles, headingLevel: 2 }),
    "",
    `<!-- apprentice-exercise: ${exercise.id} -->`,
    "",
  ].join("\n");
  return { title: exercise.title, body, labels: ["exercise", exercise.skill] };
}
