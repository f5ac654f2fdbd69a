import type { TemplateVariable } from "./template-manifest-schema.js";

export type VariableValue = string | number | boolean;

export type ParsedValue = { ok: true; value: VariableValue } | { ok: false; rule: string };

const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);

/**
 * Turns text typed by a person (a `--var` value or a prompt answer) into a value of the variable's type
 * and checks it against the manifest's rules (pattern, min/max, choices, required).
 * On failure, `rule` says what is expected, in words.
 */
export function parseVariableValue(variable: TemplateVariable, text: string): ParsedValue {
  switch (variable.type) {
    case "string":
      return checkString(variable, text);
    case "number":
      return checkNumber(variable, text);
    case "boolean": {
      const word = text.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, rule: "must be true or false" };
    }
    case "choice":
      return variable.choices.includes(text)
        ? { ok: true, value: text }
        : { ok: false, rule: `must be one of: ${variable.choices.join(", ")}` };
  }
}

function checkString(variable: Extract<TemplateVariable, { type: "string" }>, text: string): ParsedValue {
  if (variable.required && text.length === 0) return { ok: false, rule: "is required and may not be empty" };
  if (variable.pattern !== undefined && !new RegExp(variable.pattern, "u").test(text)) {
    return { ok: false, rule: `must match the pattern ${variable.pattern}` };
  }
  return { ok: true, value: text };
}

function checkNumber(variable: Extract<TemplateVariable, { type: "number" }>, text: string): ParsedValue {
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return { ok: false, rule: "must be a number" };
  if (variable.min !== undefined && value < variable.min)
    return { ok: false, rule: `must be at least ${variable.min}` };
  if (variable.max !== undefined && value > variable.max) return { ok: false, rule: `must be at most ${variable.max}` };
  return { ok: true, value };
}

/**
 * The value used when nobody answered: the manifest's default; otherwise "" for an optional string and
 * false for an optional boolean. Undefined when a value must be given (required, or a number/choice with no default).
 */
export function fallbackValue(variable: TemplateVariable): VariableValue | undefined {
  if (variable.default !== undefined) return variable.default;
  if (variable.required) return undefined;
  if (variable.type === "string") return "";
  if (variable.type === "boolean") return false;
  return undefined;
}
