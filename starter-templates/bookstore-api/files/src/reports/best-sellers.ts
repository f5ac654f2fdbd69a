import type { Queryable } from "../db/db.js";
import { centsFromDb } from "../money/cents.js";
import { BEST_SELLERS_SQL, bestSellersParams, type BestSellersQuery } from "./best-sellers-query.js";

export type BestSellerRow = {
  month: string;
  rank: number;
  bookId: number;
  title: string;
  copies: number;
  revenueCents: number;
};

export type MonthOfBestSellers = {
  month: string;
  books: Omit<BestSellerRow, "month">[];
};

/** Groups rows that are already ordered by month and rank into one entry per month. */
export function groupByMonth(rows: readonly BestSellerRow[]): MonthOfBestSellers[] {
  const months = new Map<string, MonthOfBestSellers>();
  for (const { month, ...book } of rows) {
    const entry = months.get(month) ?? { month, books: [] };
    entry.books.push(book);
    months.set(month, entry);
  }
  return [...months.values()];
}

/** revenue_cents is a sum of bigints, read as text (see src/money/cents.ts). */
type BestSellerDbRow = Omit<BestSellerRow, "revenueCents"> & { revenueCents: string };

export async function findBestSellers(db: Queryable, query: BestSellersQuery): Promise<MonthOfBestSellers[]> {
  const rows = await db.query<BestSellerDbRow>(BEST_SELLERS_SQL, bestSellersParams(query));
  return groupByMonth(rows.map((row) => ({ ...row, revenueCents: centsFromDb(row.revenueCents) })));
}

/** Runs the report under EXPLAIN (ANALYZE, BUFFERS) and returns PostgreSQL's plan as text. */
export async function explainBestSellers(db: Queryable, query: BestSellersQuery): Promise<string> {
  const rows = await db.query<{ "QUERY PLAN": string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${BEST_SELLERS_SQL}`,
    bestSellersParams(query),
  );
  return rows.map((row) => row["QUERY PLAN"]).join("\n");
}
