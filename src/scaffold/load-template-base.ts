import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseYaml } from "../validation/parse-yaml.js";
import { ValidationError, parseWith } from "../validation/validation-error.js";
import { baseManifestSchema, type BaseManifest } from "./template-manifest-schema.js";

/** The manifest file of a base folder (`starter-templates/_base/base.yml`). */
export const BASE_MANIFEST_FILE = "base.yml";

export interface TemplateBase {
  manifest: BaseManifest;
  /** The base's folder, `starter-templates/_<name>`. */
  dir: string;
  /** The files rendered underneath an extending template's own, `starter-templates/_<name>/files`. */
  filesDir: string;
}

/** True when `dir` is a base folder: it holds a base.yml. */
export function isTemplateBase(dir: string): boolean {
  return existsSync(join(dir, BASE_MANIFEST_FILE));
}

/** Loads and validates `<dir>/base.yml` and checks the files/ folder. Throws ValidationError naming base.yml. */
export function loadTemplateBase(dir: string): TemplateBase {
  const file = join(dir, BASE_MANIFEST_FILE);
  const manifest = parseWith(baseManifestSchema, parseYaml(readFileSync(file, "utf8"), file), file);
  const filesDir = join(dir, "files");
  if (!existsSync(filesDir) || !statSync(filesDir).isDirectory()) {
    throw new ValidationError(file, [{ path: "(root)", expected: `a files/ folder next to base.yml (${filesDir})` }]);
  }
  return { manifest, dir, filesDir };
}
