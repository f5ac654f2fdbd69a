import type { Template } from "./load-template.js";

/** `--list`: one line per template with its id, difficulty and one-line description, in aligned columns. */
export function formatTemplateList(templates: readonly Template[]): string {
  if (templates.length === 0) return "No templates found.";
  const rows = templates.map(({ manifest }) => [manifest.id, manifest.difficulty, manifest.description] as const);
  const idWidth = Math.max(...rows.map(([id]) => id.length));
  const levelWidth = Math.max(...rows.map(([, level]) => level.length));
  return rows
    .map(([id, level, description]) => `${id.padEnd(idWidth)}  ${level.padEnd(levelWidth)}  ${description}`)
    .join("\n");
}
