export interface BatchLimits {
  /** Most files per GraphQL query. */
  maxFiles: number;
  /** Most bytes (by the tree's sizes) per GraphQL query; a single larger file gets a batch of its own. */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxFiles: 100, maxBytes: 4_000_000 };

/** Splits paths into batches for the blob query, keeping each query's response a reasonable size. */
export function batchPaths(
  paths: readonly string[],
  sizes: ReadonlyMap<string, number>,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const size = sizes.get(path) ?? 0;
    if (current.length > 0 && (current.length >= limits.maxFiles || bytes + size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(path);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
