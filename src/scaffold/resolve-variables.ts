import { ScaffoldError } from "./scaffold-error.js";
import type { TemplateManifest } from "./template-manifest-schema.js";
import { fallbackValue, parseVariableValue, type VariableValue } from "./variable-value.js";

/** Parses repeatable `--var key=value` flags into a map; a flag without "=" is an error naming it. */
export function parseVarFlags(flags: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const flag of flags) {
    const equals = flag.indexOf("=");
    if (equals <= 0)
      throw new ScaffoldError(
        `--var "${flag}" is not key=value. Write it as --var name=value, for example --var port=3000.`,
      );
    values[flag.slice(0, equals)] = flag.slice(equals + 1);
  }
  return values;
}

/**
 * Resolves every manifest variable without asking anyone: a `--var` value (checked against the
 * variable's rules), else its fallback. A missing value or a broken rule is a ScaffoldError naming
 * the variable, the rule and the flag to pass.
 */
export function resolveVariables(
  manifest: TemplateManifest,
  given: Record<string, string>,
): Record<string, VariableValue> {
  const known = new Set(manifest.variables.map((variable) => variable.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const list = known.size > 0 ? [...known].join(", ") : "none";
      throw new ScaffoldError(
        `Unknown variable "${name}" for template ${manifest.id}. Its variables are: ${list}; remove --var ${name}=... or fix its name.`,
      );
    }
  }
  const answers: Record<string, VariableValue> = {};
  for (const variable of manifest.variables) {
    const text = given[variable.name];
    if (text !== undefined) {
      const parsed = parseVariableValue(variable, text);
      if (!parsed.ok)
        throw new ScaffoldError(
          `Variable "${variable.name}" ${parsed.rule} (got "${text}"). Fix --var ${variable.name}=...`,
        );
      answers[variable.name] = parsed.value;
      continue;
    }
    const fallback = fallbackValue(variable);
    if (fallback === undefined)
      throw new ScaffoldError(
        `Variable "${variable.name}" needs a value (${variable.prompt}). Pass --var ${variable.name}=...`,
      );
    answers[variable.name] = fallback;
  }
  return answers;
}
