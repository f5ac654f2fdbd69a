import type { z } from "zod";
import { HttpError } from "../errors/http-error.js";

export interface ValidationDetail {
  path: string;
  message: string;
}

/**
 * Validates untrusted input (a body, a query string, route params) against a zod schema and
 * returns the typed result, or throws a 400 `validation_failed` listing every problem.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, where: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const details: ValidationDetail[] = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new HttpError(400, "validation_failed", `The request ${where} is not valid`, details);
}
