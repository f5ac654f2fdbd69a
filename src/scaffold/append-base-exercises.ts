import type { RenderedFile } from "./render-template.js";
import type { Exercise } from "./template-manifest-schema.js";

/** The generated project's list of exercises; a base's exercises are appended to it. */
export const EXERCISES_PATH = "EXERCISES.md";

/** One exercise as a numbered EXERCISES.md section: title, skill, criteria, id, the body, then the hints. */
export function exerciseSection(exercise: Exercise, number: number): string {
  const hints = exercise.hints.map((hint) => `- ${hint}`).join("\n");
  return [
    `## ${number}. ${exercise.title}`,
    "",
    `Skill: ${exercise.skill}. Rubric criteria: ${exercise.criteria.join(", ")}. Id: \`${exercise.id}\`.`,
    "",
    exercise.body.trim(),
    "",
    "**Hints**",
    "",
    hints,
    "",
  ].join("\n");
}

/**
 * Appends the base's exercises to the rendered EXERCISES.md (the template's own list), numbered after the
 * template's `ownCount` exercises, so the file lists every exercise the manifest holds. Creates the file when
 * the template has none. Returns the files unchanged when the base brings no exercises.
 */
export function appendBaseExercises(files: RenderedFile[], baseExercises: readonly Exercise[], ownCount: number): RenderedFile[] {
  if (baseExercises.length === 0) return files;
  const sections = baseExercises.map((exercise, index) => exerciseSection(exercise, ownCount + index + 1)).join("\n");
  const existing = files.find((file) => file.path === EXERCISES_PATH);
  if (existing === undefined) {
    return [...files, { path: EXERCISES_PATH, content: Buffer.from(`# Exercises\n\n${sections}`, "utf8"), mode: 0o644 }];
  }
  const text = existing.content.toString("utf8").trimEnd();
  const content = Buffer.from(`${text}\n\n${sections}`, "utf8");
  return files.map((file) => (file === existing ? { ...file, content } : file));
}
