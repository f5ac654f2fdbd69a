import type { Db, Queryable } from "../db/db.js";
import type { Pagination } from "../http/pagination.js";
import { centsFromDb } from "../money/cents.js";
import type { Order, OrderItem } from "./order-schemas.js";

type OrderRow = Omit<Order, "items">;
/** total_cents is a bigint, read as text (see src/money/cents.ts). */
type OrderDbRow = Omit<OrderRow, "totalCents"> & { totalCents: string };

const ORDER_COLUMNS = `id, customer_id AS "customerId", status, total_cents::text AS "totalCents", placed_at AS "placedAt"`;

const toOrderRow = (row: OrderDbRow): OrderRow => ({ ...row, totalCents: centsFromDb(row.totalCents) });

/** Reads orders with their lines. Placing an order is a transaction of its own: see `place-order.ts`. */
export class OrderRepository {
  constructor(private readonly db: Db) {}

  async findById(id: number, queryable: Queryable = this.db): Promise<Order | undefined> {
    const [row] = await queryable.query<OrderDbRow>(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [id]);
    if (!row) return undefined;
    const order = toOrderRow(row);
    const items = await queryable.query<OrderItem>(
      `SELECT oi.book_id AS "bookId", b.title, oi.quantity, oi.unit_price_cents AS "unitPriceCents"
       FROM order_items oi JOIN books b ON b.id = oi.book_id
       WHERE oi.order_id = $1 ORDER BY oi.book_id`,
      [id],
    );
    return { ...order, items };
  }

  /** The customer's orders, newest first, without their lines (served by orders_customer_id_placed_at_idx). */
  async listByCustomer(customerId: number, page: Pagination): Promise<{ orders: OrderRow[]; total: number }> {
    const rows = await this.db.query<OrderDbRow>(
      `SELECT ${ORDER_COLUMNS} FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [customerId, page.limit, page.offset],
    );
    const [count] = await this.db.query<{ total: number }>(
      "SELECT count(*)::int AS total FROM orders WHERE customer_id = $1",
      [customerId],
    );
    return { orders: rows.map(toOrderRow), total: count?.total ?? 0 };
  }
}
