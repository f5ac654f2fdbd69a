import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { OrderRepository } from "../../src/orders/order-repository.js";
import { deleteAllData, insertAuthor, insertBook, insertCustomer, insertOrder } from "../helpers/fixtures.js";
import { createTestDb } from "../helpers/test-db.js";

describe("OrderRepository", () => {
  let db: Db;
  let orders: OrderRepository;

  beforeAll(async () => {
    db = await createTestDb();
    orders = new OrderRepository(db);
  });

  beforeEach(async () => {
    await deleteAllData(db);
  });

  afterAll(async () => {
    await db.close();
  });

  it("finds an order with its lines", async () => {
    const customerId = await insertCustomer(db);
    const bookId = await insertBook(db, await insertAuthor(db), { title: "Beloved" });
    const orderId = await insertOrder(db, { customerId, placedAt: "2025-01-15T10:00:00Z", lines: [{ bookId, quantity: 2 }] });
    const order = await orders.findById(orderId);
    expect(order).toMatchObject({ id: orderId, customerId, status: "placed" });
    expect(order?.placedAt.toISOString()).toBe("2025-01-15T10:00:00.000Z");
    expect(order?.items).toEqual([{ bookId, title: "Beloved", quantity: 2, unitPriceCents: 1000 }]);
    expect(await orders.findById(orderId + 1)).toBeUndefined();
  });

  it("lists a customer's orders newest first, and only theirs", async () => {
    const customerId = await insertCustomer(db, "a@example.com");
    const otherCustomer = await insertCustomer(db, "b@example.com");
    const older = await insertOrder(db, { customerId, placedAt: "2025-01-01T00:00:00Z", lines: [] });
    const newer = await insertOrder(db, { customerId, placedAt: "2025-02-01T00:00:00Z", lines: [] });
    await insertOrder(db, { customerId: otherCustomer, placedAt: "2025-03-01T00:00:00Z", lines: [] });
    const page = await orders.listByCustomer(customerId, { limit: 10, offset: 0 });
    expect(page.orders.map((order) => order.id)).toEqual([newer, older]);
    expect(page.total).toBe(2);
  });

  it("deletes an order's lines with the order (ON DELETE CASCADE)", async () => {
    const customerId = await insertCustomer(db);
    const bookId = await insertBook(db, await insertAuthor(db));
    const orderId = await insertOrder(db, { customerId, placedAt: "2025-01-15T10:00:00Z", lines: [{ bookId, quantity: 1 }] });
    await db.query("DELETE FROM orders WHERE id = $1", [orderId]);
    expect(await db.query("SELECT 1 FROM order_items WHERE order_id = $1", [orderId])).toEqual([]);
  });
});
