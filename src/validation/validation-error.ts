import type { z } from "zod";
import { closeMatches } from "./close-matches.js";

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
    super(`${file}: ${issues.map(formatIssue).join("; ")}`);
    this.name = "ValidationError";
  }
}

/** One issue on one line: `filter: expected one of "added", "file"; got "everywhere"`. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.path}: expected ${issue.expected}${issue.received === undefined ? "" : `; got ${issue.received}`}`;
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

const TYPE_WORDS: Record<string, string> = { array: "a list", object: "a mapping", record: "a mapping" };

function typeWord(type: string): string {
  return TYPE_WORDS[type] ?? `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}

/** `"a", "b", "c"`: every allowed value of an enum or literal. */
function oneOf(values: readonly unknown[]): string {
  const listed = values.map((value) => JSON.stringify(value)).join(", ");
  return values.length === 1 ? listed : `one of ${listed}`;
}

/** Every literal a union accepts when all its branches are enums or literals; undefined otherwise. */
function unionValues(issue: z.core.$ZodIssueInvalidUnion): unknown[] | undefined {
  const values: unknown[] = [];
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.code !== "invalid_value" || inner.path.length > 0) return undefined;
      values.push(...inner.values);
    }
  }
  return values.length > 0 ? values : undefined;
}

function bound(
  kind: "at least" | "at most",
  value: number | bigint,
  inclusive: boolean | undefined,
  origin: string,
): string {
  const what = origin === "string" ? " characters" : origin === "array" || origin === "set" ? " items" : "";
  if (origin === "string" || origin === "array" || origin === "set")
    return `${kind} ${inclusive === false ? Number(value) + (kind === "at least" ? 1 : -1) : value}${what}`;
  return `${origin === "number" ? "a number " : ""}${kind === "at least" ? (inclusive === false ? ">" : ">=") : inclusive === false ? "<" : "<="} ${value}`;
}

/**
 * What a zod issue expected, in words, said once: "a number", `one of "a", "b"`, "a number <= 50", rather than
 * zod's own messages ("Invalid option: expected one of "a"|"b"") which would read "expected Invalid option: expected".
 */
function expectedOf(issue: z.core.$ZodIssue, missing: boolean): string {
  if (issue.message.startsWith("expected ")) return issue.message.slice("expected ".length);
  switch (issue.code) {
    case "invalid_type":
      return missing ? `${typeWord(issue.expected)} (this required property is missing)` : typeWord(issue.expected);
    case "invalid_value":
      return oneOf(issue.values);
    case "invalid_union": {
      const values = unionValues(issue);
      return values ? oneOf(values) : "a value of one of the allowed forms";
    }
    case "too_small":
      return bound("at least", issue.minimum, issue.inclusive, issue.origin);
    case "too_big":
      return bound("at most", issue.maximum, issue.inclusive, issue.origin);
    case "invalid_format":
      return `a string in ${issue.format} format`;
    case "not_multiple_of":
      return `a multiple of ${issue.divisor}`;
    default:
      return issue.message.replace(/^Invalid input(: expected )?/i, "").trim() || "a valid value";
  }
}

/** The missing required keys at the same place as an unknown key: a renamed key is likely one of them. */
function missingSiblings(issues: readonly z.core.$ZodIssue[], parent: readonly PropertyKey[], data: unknown): string[] {
  const parentPath = formatPath(parent);
  return issues
    .filter((issue) => issue.code === "invalid_type" && issue.path.length === parent.length + 1)
    .filter((issue) => formatPath(issue.path.slice(0, -1)) === parentPath && valueAt(data, issue.path) === undefined)
    .map((issue) => String(issue.path.at(-1)));
}

/** Turns a zod error into issues that name the property path, what was expected, and what was found. */
export function issuesFromZod(error: z.ZodError, data: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      const missing = missingSiblings(error.issues, issue.path, data);
      for (const key of issue.keys) {
        const [closest] = closeMatches(key, missing, 1);
        const hint = closest === undefined ? "" : ` (did you mean "${closest}"?)`;
        issues.push({ path: formatPath([...issue.path, key]), expected: `only known properties (unknown key)${hint}` });
      }
      continue;
    }
    const received = valueAt(data, issue.path);
    issues.push({
      path: formatPath(issue.path),
      expected: expectedOf(issue, received === undefined),
      received: shortValue(received),
    });
  }
  return issues;
}

/** Parse data with a schema or throw a ValidationError naming the file. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown, file: string): z.output<T> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(file, issuesFromZod(result.error, data));
  return result.data;
}
