/**
 * Money is counted in whole cents. Amounts that can grow past 2^31 (order totals, revenue) are
 * `bigint` (int8) columns, and queries return them as text (`total_cents::text`): node-postgres and
 * PGlite would otherwise hand back different types, and a JavaScript number silently rounds past
 * 2^53. `centsFromDb` turns that text into a number only when the number is exact.
 */
export function centsFromDb(text: string): number {
  const cents = BigInt(text);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < BigInt(Number.MIN_SAFE_INTEGER)) {
    // Refuse rather than answer with a rounded amount: a wrong total is worse than an error.
    throw new RangeError(`${text} cents is too large to return exactly as a JSON number`);
  }
  return Number(cents);
}

/** Sums `quantity * unitPriceCents` in bigint arithmetic, so no intermediate product can lose precision. */
export function totalCents(lines: readonly { quantity: number; unitPriceCents: number }[]): bigint {
  return lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPriceCents), 0n);
}
