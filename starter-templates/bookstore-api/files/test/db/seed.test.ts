import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { seed, seedSizeFor } from "../../src/db/seed.js";
import { createTestDb } from "../helpers/test-db.js";

describe("seedSizeFor", () => {
  it("scales every table, with at least one row each", () => {
    expect(seedSizeFor(1)).toEqual({ authors: 500, books: 5_000, customers: 10_000, orders: 100_000 });
    expect(seedSizeFor(0.0001)).toEqual({ authors: 1, books: 1, customers: 1, orders: 10 });
  });
});

describe("seed", () => {
  let db: Db;
  const size = { authors: 5, books: 40, customers: 20, orders: 300 };

  beforeAll(async () => {
    db = await createTestDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("fills every table with consistent data", async () => {
    const counts = await seed(db, size);
    expect(counts).toMatchObject({ authors: 5, books: 40, customers: 20, orders: 300 });
    expect(counts.orderItems).toBeGreaterThanOrEqual(300);
    const [mismatch] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o
       WHERE o.total_cents <> (SELECT sum(quantity * unit_price_cents) FROM order_items WHERE order_id = o.id)`,
    );
    expect(mismatch?.n).toBe(0);
  });

  it("replaces the previous data and produces the same data each time", async () => {
    const first = await db.query("SELECT customer_id, status, total_cents FROM orders ORDER BY id LIMIT 20");
    const counts = await seed(db, size);
    expect(counts.orders).toBe(300);
    expect(await db.query("SELECT customer_id, status, total_cents FROM orders ORDER BY id LIMIT 20")).toEqual(first);
  });
});
