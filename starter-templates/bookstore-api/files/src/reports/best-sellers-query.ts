import { z } from "zod";

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Use a month such as 2025-03.");

export const MAX_REPORT_MONTHS = 36;

export const bestSellersQuerySchema = z
  .strictObject({
    from: month,
    to: month,
    top: z.coerce.number().int().min(1).max(20).default(5),
  })
  .refine((query) => query.from <= query.to, { message: "from must not be later than to.", path: ["from"] })
  .refine((query) => monthsBetween(query.from, query.to) < MAX_REPORT_MONTHS, {
    message: `A report covers at most ${MAX_REPORT_MONTHS} months.`,
    path: ["to"],
  });

export type BestSellersQuery = z.infer<typeof bestSellersQuerySchema>;

function monthsBetween(from: string, to: string): number {
  const [fromYear = 0, fromMonth = 0] = from.split("-").map(Number);
  const [toYear = 0, toMonth = 0] = to.split("-").map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

/** The first instant of `yyyy-mm` (UTC), and the first instant after the month `to`. */
export function reportRange(query: Pick<BestSellersQuery, "from" | "to">): { start: string; end: string } {
  const [toYear = 0, toMonth = 0] = query.to.split("-").map(Number);
  const end = new Date(Date.UTC(toYear, toMonth, 1));
  return { start: `${query.from}-01T00:00:00Z`, end: end.toISOString() };
}

/**
 * The best-selling books of each month in [$1, $2): copies sold in orders that were not cancelled,
 * ranked per month, keeping the first $3 of each month. Months are calendar months in UTC.
 * This is the query that docs/query-plans.md asks you to measure and speed up.
 */
export const BEST_SELLERS_SQL = `
WITH monthly_sales AS (
  SELECT to_char(date_trunc('month', o.placed_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
         oi.book_id,
         sum(oi.quantity)::int AS copies,
         -- bigint before multiplying: 100 copies at 2 147 483 647 cents already overflow integer.
         sum(oi.quantity::bigint * oi.unit_price_cents)::text AS revenue_cents
  FROM orders o
  JOIN order_items oi ON oi.order_id = o.id
  WHERE o.status = 'placed'
    AND o.placed_at >= $1
    AND o.placed_at < $2
  GROUP BY 1, 2
),
ranked AS (
  SELECT monthly_sales.*,
         row_number() OVER (PARTITION BY month ORDER BY copies DESC, book_id) AS rank
  FROM monthly_sales
)
SELECT r.month, r.rank::int AS rank, r.book_id AS "bookId", b.title, r.copies, r.revenue_cents AS "revenueCents"
FROM ranked r
JOIN books b ON b.id = r.book_id
WHERE r.rank <= $3
ORDER BY r.month, r.rank`;

/** The parameters of BEST_SELLERS_SQL for a validated query. */
export function bestSellersParams(query: BestSellersQuery): [string, string, number] {
  const { start, end } = reportRange(query);
  return [start, end, query.top];
}
