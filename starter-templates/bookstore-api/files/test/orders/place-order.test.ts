import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { MAX_PRICE_CENTS } from "../../src/books/book-schemas.js";
import { OrderRepository } from "../../src/orders/order-repository.js";
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES } from "../../src/orders/order-schemas.js";
import { placeOrder } from "../../src/orders/place-order.js";
import { deleteAllData, insertAuthor, insertBook, insertCustomer } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("placeOrder", () => {
  let db: Db;
  let orders: OrderRepository;
  let customerId: number;
  let cheapBook: number;
  let dearBook: number;

  const stockOf = async (bookId: number) =>
    (await db.query<{ stock: number }>("SELECT stock FROM books WHERE id = $1", [bookId]))[0]?.stock;
  const orderCount = async () => (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM orders"))[0]?.n;

  beforeAll(async () => {
    db = await createTestDb();
    orders = new OrderRepository(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
    const authorId = await insertAuthor(db);
    customerId = await insertCustomer(db);
    cheapBook = await insertBook(db, authorId, { title: "Cheap", priceCents: 500, stock: 5 });
    dearBook = await insertBook(db, authorId, { title: "Dear", priceCents: 2500, stock: 1 });
  });

  afterAll(async () => {
    await db.close();
  });

  it("records the order with today's prices and reduces the stock", async () => {
    const order = await placeOrder(db, orders, {
      customerId,
      items: [
        { bookId: dearBook, quantity: 1 },
        { bookId: cheapBook, quantity: 2 },
      ],
    });
    expect(order).toMatchObject({ customerId, status: "placed", totalCents: 3500 });
    expect(order.items).toEqual([
      { bookId: cheapBook, title: "Cheap", quantity: 2, unitPriceCents: 500 },
      { bookId: dearBook, title: "Dear", quantity: 1, unitPriceCents: 2500 },
    ]);
    expect(await stockOf(cheapBook)).toBe(3);
    expect(await stockOf(dearBook)).toBe(0);
  });

  it("records the largest order the API accepts exactly, past the 32-bit limit", async () => {
    const authorId = await insertAuthor(db, "Prolific");
    const items = [];
    for (let line = 0; line < MAX_ORDER_LINES; line += 1) {
      const bookId = await insertBook(db, authorId, { title: `Folio ${line}`, priceCents: MAX_PRICE_CENTS, stock: MAX_LINE_QUANTITY });
      items.push({ bookId, quantity: MAX_LINE_QUANTITY });
    }
    const order = await placeOrder(db, orders, { customerId, items });
    const largest = MAX_ORDER_LINES * MAX_LINE_QUANTITY * MAX_PRICE_CENTS;
    expect(largest).toBe(5_000_000_000);
    expect(largest).toBeGreaterThan(2 ** 31 - 1);
    expect(order.totalCents).toBe(largest);
    expect((await orders.findById(order.id))?.totalCents).toBe(largest);
  });

  it("keeps even the largest possible order total (database prices up to 2^31 - 1) a safe integer", () => {
    expect(Number.isSafeInteger(MAX_ORDER_LINES * MAX_LINE_QUANTITY * (2 ** 31 - 1))).toBe(true);
  });

  it("answers 409 with every shortage and changes nothing", async () => {
    const attempt = placeOrder(db, orders, {
      customerId,
      items: [
        { bookId: cheapBook, quantity: 2 },
        { bookId: dearBook, quantity: 3 },
      ],
    });
    await expect(attempt).rejects.toMatchObject({
      status: 409,
      code: "insufficient_stock",
      details: [{ bookId: dearBook, requested: 3, available: 1 }],
    });
    expect(await stockOf(cheapBook)).toBe(5);
    expect(await orderCount()).toBe(0);
  });

  it("answers 422 for an unknown customer or book", async () => {
    await expect(placeOrder(db, orders, { customerId: customerId + 50, items: [{ bookId: cheapBook, quantity: 1 }] })).rejects.toMatchObject({
      status: 422,
      code: "unknown_customer",
    });
    await expect(placeOrder(db, orders, { customerId, items: [{ bookId: 999, quantity: 1 }] })).rejects.toMatchObject({
      status: 422,
      code: "unknown_book",
      details: [{ path: "items.0.bookId", message: "Book 999 does not exist." }],
    });
    expect(await orderCount()).toBe(0);
  });

  it("never sells the same last copy twice when orders arrive together", async () => {
    const attempts = await Promise.allSettled(
      [1, 2, 3].map(() => placeOrder(db, orders, { customerId, items: [{ bookId: dearBook, quantity: 1 }] })),
    );
    expect(attempts.filter((attempt) => attempt.status === "fulfilled")).toHaveLength(1);
    expect(await stockOf(dearBook)).toBe(0);
    expect(await orderCount()).toBe(1);
  });
});
