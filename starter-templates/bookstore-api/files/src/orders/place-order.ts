import type { Db, Queryable } from "../db/db.js";
import { HttpError } from "../errors/http-error.js";
import { totalCents } from "../money/cents.js";
import type { Order, PlaceOrderInput } from "./order-schemas.js";
import type { OrderRepository } from "./order-repository.js";

type LockedBook = { id: number; title: string; priceCents: number; stock: number };

async function assertCustomerExists(tx: Queryable, customerId: number): Promise<void> {
  const [customer] = await tx.query("SELECT id FROM customers WHERE id = $1", [customerId]);
  if (!customer) {
    throw new HttpError(422, "unknown_customer", `Customer ${customerId} does not exist.`, [
      { path: "customerId", message: "No customer has this id." },
    ]);
  }
}

/**
 * Locks the ordered books (SELECT ... FOR UPDATE) so no other order can sell the same copies until this
 * transaction ends. Rows are locked in id order: two orders for the same books then wait for each other
 * instead of deadlocking.
 */
async function lockBooks(tx: Queryable, bookIds: number[]): Promise<Map<number, LockedBook>> {
  const books = await tx.query<LockedBook>(
    `SELECT id, title, price_cents AS "priceCents", stock FROM books WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`,
    [bookIds],
  );
  return new Map(books.map((book) => [book.id, book]));
}

function assertAllBooksExist(input: PlaceOrderInput, books: Map<number, LockedBook>): void {
  const missing = input.items.flatMap((item, index) =>
    books.has(item.bookId) ? [] : [{ path: `items.${index}.bookId`, message: `Book ${item.bookId} does not exist.` }],
  );
  if (missing.length > 0) {
    throw new HttpError(422, "unknown_book", "Some ordered books do not exist.", missing);
  }
}

function assertEnoughStock(input: PlaceOrderInput, books: Map<number, LockedBook>): void {
  const shortages = input.items.flatMap((item) => {
    const available = books.get(item.bookId)?.stock ?? 0;
    return item.quantity > available ? [{ bookId: item.bookId, requested: item.quantity, available }] : [];
  });
  if (shortages.length > 0) {
    throw new HttpError(409, "insufficient_stock", "Not enough copies in stock for some books.", shortages);
  }
}

/**
 * Places an order in one transaction: checks the customer and the books, checks and reduces the stock,
 * and records the order with the prices of today. Either all of it happens or none of it does.
 */
export async function placeOrder(db: Db, orders: OrderRepository, input: PlaceOrderInput): Promise<Order> {
  return db.transaction(async (tx) => {
    await assertCustomerExists(tx, input.customerId);
    const books = await lockBooks(tx, input.items.map((item) => item.bookId).sort((a, b) => a - b));
    assertAllBooksExist(input, books);
    assertEnoughStock(input, books);

    const bookIds = input.items.map((item) => item.bookId);
    const quantities = input.items.map((item) => item.quantity);
    const prices = input.items.map((item) => books.get(item.bookId)?.priceCents ?? 0);
    const total = totalCents(input.items.map((item, index) => ({ quantity: item.quantity, unitPriceCents: prices[index] ?? 0 })));

    const [created] = await tx.query<{ id: number }>(
      "INSERT INTO orders (customer_id, total_cents) VALUES ($1, $2::bigint) RETURNING id",
      [input.customerId, total.toString()],
    );
    if (!created) throw new Error("INSERT ... RETURNING returned no row");
    await tx.query(
      `INSERT INTO order_items (order_id, book_id, quantity, unit_price_cents)
       SELECT $1, line.book_id, line.quantity, line.price
       FROM unnest($2::int[], $3::int[], $4::int[]) AS line (book_id, quantity, price)`,
      [created.id, bookIds, quantities, prices],
    );
    await tx.query(
      `UPDATE books SET stock = stock - line.quantity
       FROM unnest($1::int[], $2::int[]) AS line (book_id, quantity)
       WHERE books.id = line.book_id`,
      [bookIds, quantities],
    );

    const order = await orders.findById(created.id, tx);
    if (!order) throw new Error(`Order ${created.id} vanished inside its own transaction`);
    return order;
  });
}
