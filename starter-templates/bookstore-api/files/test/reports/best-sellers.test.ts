import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { explainBestSellers, findBestSellers, groupByMonth } from "../../src/reports/best-sellers.js";
import { insertAuthor, insertBook, insertCustomer, insertOrder } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("groupByMonth", () => {
  it("makes one entry per month, keeping the order of the rows", () => {
    const row = (month: string, rank: number) => ({ month, rank, bookId: rank, title: `B${rank}`, copies: 1, revenueCents: 1 });
    expect(groupByMonth([row("2025-01", 1), row("2025-01", 2), row("2025-02", 1)])).toEqual([
      { month: "2025-01", books: [{ rank: 1, bookId: 1, title: "B1", copies: 1, revenueCents: 1 }, { rank: 2, bookId: 2, title: "B2", copies: 1, revenueCents: 1 }] },
      { month: "2025-02", books: [{ rank: 1, bookId: 1, title: "B1", copies: 1, revenueCents: 1 }] },
    ]);
  });

  it("returns no months for no rows", () => {
    expect(groupByMonth([])).toEqual([]);
  });
});

describe("findBestSellers", () => {
  let db: Db;
  let dune: number;
  let emma: number;
  let ulysses: number;

  beforeAll(async () => {
    db = await createTestDb();
    const authorId = await insertAuthor(db);
    const customerId = await insertCustomer(db);
    dune = await insertBook(db, authorId, { title: "Dune" });
    emma = await insertBook(db, authorId, { title: "Emma" });
    ulysses = await insertBook(db, authorId, { title: "Ulysses" });
    await insertOrder(db, { customerId, placedAt: "2025-01-05T12:00:00Z", lines: [{ bookId: dune, quantity: 3 }, { bookId: emma, quantity: 1 }] });
    await insertOrder(db, { customerId, placedAt: "2025-01-31T23:59:59Z", lines: [{ bookId: emma, quantity: 1 }] });
    await insertOrder(db, { customerId, placedAt: "2025-02-10T08:00:00Z", lines: [{ bookId: ulysses, quantity: 2 }] });
    await insertOrder(db, { customerId, placedAt: "2025-02-11T08:00:00Z", lines: [{ bookId: dune, quantity: 9 }], status: "cancelled" });
    await insertOrder(db, { customerId, placedAt: "2025-03-01T00:00:00Z", lines: [{ bookId: dune, quantity: 5 }] });
  });

  afterAll(async () => {
    await db.close();
  });

  it("ranks books by copies sold per month, ignoring cancelled orders and other months", async () => {
    expect(await findBestSellers(db, { from: "2025-01", to: "2025-02", top: 5 })).toEqual([
      {
        month: "2025-01",
        books: [
          { rank: 1, bookId: dune, title: "Dune", copies: 3, revenueCents: 3000 },
          { rank: 2, bookId: emma, title: "Emma", copies: 2, revenueCents: 2000 },
        ],
      },
      { month: "2025-02", books: [{ rank: 1, bookId: ulysses, title: "Ulysses", copies: 2, revenueCents: 2000 }] },
    ]);
  });

  it("adds revenue in bigint: two lines of 100 copies at the largest integer price pass 2^31 exactly", async () => {
    const maxInt = 2 ** 31 - 1;
    const customerId = await insertCustomer(db, "big-spender@example.com");
    const folio = await insertBook(db, await insertAuthor(db, "Rare"), { title: "Folio" });
    for (const placedAt of ["2024-06-01T00:00:00Z", "2024-06-30T00:00:00Z"]) {
      await insertOrder(db, { customerId, placedAt, lines: [{ bookId: folio, quantity: 100, unitPriceCents: maxInt }] });
    }
    const [june] = await findBestSellers(db, { from: "2024-06", to: "2024-06", top: 1 });
    expect(june?.books[0]).toMatchObject({ title: "Folio", copies: 200, revenueCents: 200 * maxInt });
    expect(200 * maxInt).toBe(429_496_729_400);
  });

  it("keeps only the top N of each month", async () => {
    const months = await findBestSellers(db, { from: "2025-01", to: "2025-01", top: 1 });
    expect(months[0]?.books.map((book) => book.title)).toEqual(["Dune"]);
  });

  it("explains the query with the plan PostgreSQL actually ran", async () => {
    const plan = await explainBestSellers(db, { from: "2025-01", to: "2025-03", top: 5 });
    expect(plan).toMatch(/actual time=/);
    expect(plan).toMatch(/Execution Time/);
    expect(plan).toMatch(/on orders/);
  });
});
