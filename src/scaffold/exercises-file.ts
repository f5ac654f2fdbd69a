import type { RenderedFile } from "./render-template.js";
import { renderExercise } from "./render-exercise.js";
import type { TemplateManifest } from "./template-manifest-schema.js";

export const EXERCISES_PATH = "EXERCISES.md";

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

const cell = (text: string): string => text.replace(/\|/g, "\\|");

/**
 * EXERCISES.md, written from the manifest's exercises (the template's and its base's): a table of contents,
 * then each exercise as its issue shows it (see renderExercise), so the file and the issues cannot drift.
 */
export function exercisesMarkdown(
  manifest: TemplateManifest,
  projectName: string,
  criterionTitles: ReadonlyMap<string, string>,
): string {
  const headings = manifest.exercises.map((exercise, index) => `${index + 1}. ${exercise.title}`);
  const lines = [
    `# Exercises for ${projectName} (${manifest.title})`,
    "",
    "Each exercise grows one skill that junior backend developers are asked about. Do them in any order, one branch",
    `and one pull request each. Apprentice reviews every pull request against the \`${manifest.rubric}\` rubric and tells`,
    "you what to fix first and what you did well. Each exercise says which checks grade it. When the project was",
    "published with `npm run scaffold -- --github`, each exercise is also an issue in the repository.",
    "",
    "Try the hints only when you are stuck: first the nudge, then the approach. Neither gives you the code.",
    "",
    "| # | Exercise | Skill | Rubric criteria |",
    "| --- | --- | --- | --- |",
    ...manifest.exercises.map(
      (exercise, index) =>
        `| ${index + 1} | [${cell(exercise.title)}](#${headingAnchor(headings[index] ?? "")}) | ${exercise.skill} | ${exercise.criteria.join(", ")} |`,
    ),
  ];
  manifest.exercises.forEach((exercise, index) => {
    lines.push(
      "",
      `## ${headings[index] ?? exercise.title}`,
      "",
      `**Skill:** ${exercise.skill}. **Id:** \`${exercise.id}\`.`,
      "",
      renderExercise(exercise, { criterionTitles, headingLevel: 3 }),
    );
  });
  return `${lines.join("\n")}\n`;
}

export function exercisesFile(
  manifest: TemplateManifest,
  projectName: string,
  criterionTitles: ReadonlyMap<string, string>,
): RenderedFile {
  return {
    path: EXERCISES_PATH,
    content: Buffer.from(exercisesMarkdown(manifest, projectName, criterionTitles), "utf8"),
    mode: 0o644,
  };
}
