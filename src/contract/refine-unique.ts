import type { z } from "zod";

/**
 * In a zod `superRefine`, adds an issue for each item of `items` (found at `list` in the parsed object) whose
 * `field` repeats an earlier one: at `[list, index, field]`, "expected a unique <what>; "<value>" appears twice".
 * Imports nothing of ours, so the schemas of the shared contract can use it.
 */
export function refineUnique<F extends string>(
  ctx: z.RefinementCtx,
  items: readonly Record<F, string>[],
  list: string,
  field: F,
  what: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = item[field];
    if (seen.has(value))
      ctx.addIssue({
        code: "custom",
        path: [list, index, field],
        message: `expected a unique ${what}; "${value}" appears twice`,
      });
    seen.add(value);
  });
}
