import type { z } from "zod";
import { parseWith } from "../../validation/validation-error.js";

/**
 * Reads a check's rubric options with its zod schema, filling in defaults. Bad options throw a
 * ValidationError that names the check, the property path and what was expected.
 */
export function checkOptions<T extends z.ZodType>(
  schema: T,
  options: Record<string, unknown> | undefined,
  checkId: string,
): z.output<T> {
  return parseWith(schema, options ?? {}, `rubric options of check "${checkId}"`);
}
