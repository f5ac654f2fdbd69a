import { ScaffoldError } from "./scaffold-error.js";
import { unsafePathReason } from "./safe-relative-path.js";
import type { VariableValue } from "./variable-value.js";

/** Files whose name npm or git would treat specially inside a template are stored under another name. */
const RENAMED_FILES: Readonly<Record<string, string>> = {
  _gitignore: ".gitignore",
  _npmrc: ".npmrc",
  _dockerignore: ".dockerignore",
};

const PLACEHOLDER = /__([a-zA-Z][a-zA-Z0-9]*)__/g;

/**
 * Maps a template file's path (posix, relative to files/) to the project's path: `__var__` placeholders in
 * each segment are replaced by variable values (unknown names are left as they are), a trailing `.eta`
 * is dropped, and `_gitignore`, `_npmrc`, `_dockerignore` become `.gitignore`, `.npmrc`, `.dockerignore`.
 * A result that would escape the project folder is a ScaffoldError naming the template file.
 */
export function outputPath(sourcePath: string, variables: Readonly<Record<string, VariableValue>>): string {
  const segments = sourcePath.split("/").map((segment, index, all) => {
    let name = segment.replace(PLACEHOLDER, (match, key: string) =>
      key in variables ? String(variables[key]) : match,
    );
    if (index === all.length - 1) {
      if (name.endsWith(".eta")) name = name.slice(0, -".eta".length);
      name = RENAMED_FILES[name] ?? name;
    }
    const reason =
      name.includes("/") || name.includes("\\") ? "puts a path separator into a file name" : unsafePathReason(name);
    if (reason !== undefined) {
      throw new ScaffoldError(
        `Template file "${sourcePath}" renders to "${name}", which ${reason}. Change the variable values used in its name.`,
      );
    }
    return name;
  });
  return segments.join("/");
}
