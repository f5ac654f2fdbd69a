import type { Queryable } from "../../src/db/db.js";

let nextIsbn = 9781000000000;

/** Inserts rows straight into the database, so a test can set up exactly the data it needs. */
export async function insertAuthor(db: Queryable, name = "Ursula K. Le Guin"): Promise<number> {
  const [row] = await db.query<{ id: number }>("INSERT INTO authors (name) VALUES ($1) RETURNING id", [name]);
  if (!row) throw new Error("author not inserted");
  return row.id;
}

export async function insertBook(
  db: Queryable,
  authorId: number,
  book: { title?: string; priceCents?: number; stock?: number } = {},
): Promise<number> {
  nextIsbn += 1;
  const [row] = await db.query<{ id: number }>(
    "INSERT INTO books (author_id, title, isbn, price_cents, stock) VALUES ($1, $2, $3, $4, $5) RETURNING id",
    [authorId, book.title ?? "A Wizard of Earthsea", String(nextIsbn), book.priceCents ?? 1000, book.stock ?? 10],
  );
  if (!row) throw new Error("book not inserted");
  return row.id;
}

export async function insertCustomer(db: Queryable, email = "ada@example.com"): Promise<number> {
  const [row] = await db.query<{ id: number }>("INSERT INTO customers (email, name) VALUES ($1, 'Ada') RETURNING id", [email]);
  if (!row) throw new Error("customer not inserted");
  return row.id;
}

export interface OrderFixture {
  customerId: number;
  placedAt: string;
  lines: { bookId: number; quantity: number; unitPriceCents?: number }[];
  status?: "placed" | "cancelled";
}

/** An order placed at a given time, with its lines (at 1000 cents unless given), bypassing the stock checks. */
export async function insertOrder(db: Queryable, { customerId, placedAt, lines, status = "placed" }: OrderFixture): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    "INSERT INTO orders (customer_id, status, total_cents, placed_at) VALUES ($1, $2, 0, $3) RETURNING id",
    [customerId, status, placedAt],
  );
  if (!row) throw new Error("order not inserted");
  for (const line of lines) {
    await db.query("INSERT INTO order_items (order_id, book_id, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)", [
      row.id,
      line.bookId,
      line.quantity,
      line.unitPriceCents ?? 1000,
    ]);
  }
  return row.id;
}

export async function deleteAllData(db: Queryable): Promise<void> {
  await db.exec("TRUNCATE order_items, orders, customers, books, authors RESTART IDENTITY");
}
