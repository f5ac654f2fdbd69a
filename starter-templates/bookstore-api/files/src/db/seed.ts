import type { Db, Queryable } from "./db.js";

export interface SeedSize {
  authors: number;
  books: number;
  customers: number;
  orders: number;
}

/** Scale 1 gives 100,000 orders (about 200,000 order lines): enough for EXPLAIN ANALYZE to matter. */
export function seedSizeFor(scale: number): SeedSize {
  const times = (count: number) => Math.max(1, Math.round(count * scale));
  return { authors: times(500), books: times(5_000), customers: times(10_000), orders: times(100_000) };
}

export type SeedCounts = Record<"authors" | "books" | "customers" | "orders" | "orderItems", number>;

async function insertCatalogue(tx: Queryable, size: SeedSize): Promise<void> {
  await tx.query("INSERT INTO authors (name) SELECT 'Author ' || i FROM generate_series(1, $1::int) AS i", [size.authors]);
  await tx.query(
    `INSERT INTO books (author_id, title, isbn, price_cents, stock, published_year)
     SELECT 1 + i % $2::int, 'Book ' || i, (9780000000000 + i)::text,
            500 + floor(random() * 4500)::int, 100000, 1950 + i % 75
     FROM generate_series(1, $1::int) AS i`,
    [size.books, size.authors],
  );
}

/** Orders spread over the last two years, 5% of them cancelled, with totals filled in later. */
async function insertCustomersAndOrders(tx: Queryable, size: SeedSize): Promise<void> {
  await tx.query(
    `INSERT INTO customers (email, name)
     SELECT 'customer' || i || '@example.com', 'Customer ' || i FROM generate_series(1, $1::int) AS i`,
    [size.customers],
  );
  await tx.query(
    `INSERT INTO orders (customer_id, status, total_cents, placed_at)
     SELECT 1 + floor(random() * $2::int)::int,
            CASE WHEN random() < 0.05 THEN 'cancelled' ELSE 'placed' END,
            0,
            now() - random() * interval '730 days'
     FROM generate_series(1, $1::int)`,
    [size.orders, size.customers],
  );
}

/** One to three lines per order; random()^3 makes low book ids sell far more, like real best sellers. */
async function insertOrderItems(tx: Queryable, size: SeedSize): Promise<void> {
  await tx.query(
    `INSERT INTO order_items (order_id, book_id, quantity, unit_price_cents)
     SELECT picks.order_id, picks.book_id, 1 + floor(random() * 3)::int, b.price_cents
     FROM (
       SELECT DISTINCT o.id AS order_id, 1 + floor($1::int * power(random(), 3))::int AS book_id
       FROM orders o CROSS JOIN generate_series(1, 1 + o.id % 3) AS line
     ) AS picks
     JOIN books b ON b.id = picks.book_id`,
    [size.books],
  );
  await tx.query(
    `UPDATE orders SET total_cents = totals.total
     FROM (SELECT order_id, sum(quantity::bigint * unit_price_cents) AS total FROM order_items GROUP BY order_id) AS totals
     WHERE totals.order_id = orders.id`,
  );
}

async function countRows(db: Queryable): Promise<SeedCounts> {
  const [counts] = await db.query<SeedCounts>(
    `SELECT (SELECT count(*)::int FROM authors) AS authors, (SELECT count(*)::int FROM books) AS books,
            (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM orders) AS orders,
            (SELECT count(*)::int FROM order_items) AS "orderItems"`,
  );
  if (!counts) throw new Error("Counting the seeded rows returned nothing");
  return counts;
}

/**
 * Replaces all data with generated data, inside the database (generate_series), in one transaction.
 * setseed makes every run produce the same data, so query plans can be compared between runs.
 */
export async function seed(db: Db, size: SeedSize): Promise<SeedCounts> {
  await db.transaction(async (tx) => {
    await tx.query("SELECT setseed(0.42)");
    await tx.query("TRUNCATE order_items, orders, customers, books, authors RESTART IDENTITY");
    await insertCatalogue(tx, size);
    await insertCustomersAndOrders(tx, size);
    await insertOrderItems(tx, size);
  });
  // Fresh statistics, so the planner knows how big the tables now are.
  await db.exec("ANALYZE");
  return countRows(db);
}
