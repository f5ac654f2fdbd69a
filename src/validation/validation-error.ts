import type { z } from "zod";

export interface ValidationIssue {
  /** Dotted property path, e.g. "criteria[1].checks[0].level"; "(root)" for the document itself. */
  path: string;
  /** What was expected, in words. */
  expected: string;
  /** The value found there, rendered short; undefined when the property is missing. */
  received?: string;
}

/** A config, rubric or template file that does not match its schema. Names the file and each property path. */
export class ValidationError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ValidationIssue[],
  ) {
    super(`${file}: ${issues.map((issue) => `${issue.path}: ${issue.expected}${issue.received === undefined ? "" : ` (got ${issue.received})`}`).join("; ")}`);
    this.name = "ValidationError";
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function shortValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a zod issue expected, in words: "a number" rather than zod's "Invalid input: expected number, received string". */
function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code !== "invalid_type") return issue.message;
  return `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
}

/** Turns a zod error into issues that name the property path, what was expected, and what was found. */
export function issuesFromZod(error: z.ZodError, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        issues.push({ path: formatPath([...issue.path, key]), expected: "no such property is allowed (unknown key)" });
      }
      continue;
    }
    issues.push({ path: formatPath(issue.path), expected: expectedOf(issue), received: shortValue(valueAt(data, issue.path)) });
  }
  return issues;
}

/** Parse data with a schema or throw a ValidationError naming the file. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(file, issuesFromZod(result.error, data));
  return result.data;
}
