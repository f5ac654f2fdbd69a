import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadTemplate, type Template } from "./load-template.js";
import { ScaffoldError } from "./scaffold-error.js";

/** The folder that holds the built-in templates (`starter-templates/` at the project root). */
export const BUILTIN_TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../starter-templates");

/**
 * Ids of the templates in a templates folder: every sub-folder that holds a template.yml, sorted. A folder
 * whose name starts with `_` is a base (`_base`), rendered underneath the templates that extend it, never
 * a template one can choose.
 */
export function templateIds(templatesDir: string = BUILTIN_TEMPLATES_DIR): string[] {
  if (!existsSync(templatesDir)) return [];
  return readdirSync(templatesDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() &&
        !entry.name.startsWith("_") &&
        existsSync(join(templatesDir, entry.name, "template.yml")),
    )
    .map((entry) => entry.name)
    .sort();
}

/** Loads and validates every template in the folder (throws ValidationError on the first bad manifest). */
export function listTemplates(templatesDir: string = BUILTIN_TEMPLATES_DIR): Template[] {
  return templateIds(templatesDir).map((id) => loadTemplate(join(templatesDir, id)));
}

/** Loads one template by id; an unknown id is a ScaffoldError that lists the known ones. */
export function findTemplate(id: string, templatesDir: string = BUILTIN_TEMPLATES_DIR): Template {
  const ids = templateIds(templatesDir);
  if (!ids.includes(id)) {
    const known = ids.length > 0 ? ids.join(", ") : `none found in ${templatesDir}`;
    throw new ScaffoldError(`Unknown template "${id}". Pass --template with one of: ${known} (see --list).`);
  }
  return loadTemplate(join(templatesDir, id));
}
