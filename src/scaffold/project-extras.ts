import { stringify } from "yaml";
import type { RenderedFile } from "./render-template.js";
import type { TemplateManifest } from "./template-manifest-schema.js";
import type { VariableValue } from "./variable-value.js";

export const TEMPLATE_RECORD_PATH = ".apprentice/template.json";
export const REPO_CONFIG_PATH = ".github/apprentice.yml";

export interface TemplateRecord {
  templateId: string;
  templateVersion: string;
  /** The project name and every template variable, as used for rendering. */
  answers: Record<string, VariableValue>;
  apprenticeVersion: string;
  /** ISO 8601 date and time of generation. */
  createdAt: string;
}

/** `.apprentice/template.json`: which template and answers made this project, so a later update can be offered. */
export function templateRecordFile(record: TemplateRecord): RenderedFile {
  return {
    path: TEMPLATE_RECORD_PATH,
    content: Buffer.from(`${JSON.stringify(record, null, 2)}\n`, "utf8"),
    mode: 0o644,
  };
}

/** `.github/apprentice.yml` pointing Apprentice's review at the template's rubric. */
export function repoConfigFile(manifest: TemplateManifest): RenderedFile {
  const text = `# Apprentice reviews pull requests in this repository with this rubric.\n${stringify({ rubric: manifest.rubric })}`;
  return { path: REPO_CONFIG_PATH, content: Buffer.from(text, "utf8"), mode: 0o644 };
}
