import { describe, expect, it } from "vitest";
import { MAX_ORDER_LINES, placeOrderSchema } from "../../src/orders/order-schemas.js";

describe("placeOrderSchema", () => {
  it("accepts a customer and at least one line", () => {
    const order = { customerId: 1, items: [{ bookId: 2, quantity: 3 }] };
    expect(placeOrderSchema.parse(order)).toEqual(order);
  });

  it("rejects an order without lines, with too many lines, or with a zero quantity", () => {
    expect(placeOrderSchema.safeParse({ customerId: 1, items: [] }).success).toBe(false);
    const tooMany = Array.from({ length: MAX_ORDER_LINES + 1 }, (_, index) => ({ bookId: index + 1, quantity: 1 }));
    expect(placeOrderSchema.safeParse({ customerId: 1, items: tooMany }).success).toBe(false);
    expect(placeOrderSchema.safeParse({ customerId: 1, items: [{ bookId: 1, quantity: 0 }] }).success).toBe(false);
  });

  it("rejects the same book on two lines", () => {
    const result = placeOrderSchema.safeParse({
      customerId: 1,
      items: [
        { bookId: 1, quantity: 1 },
        { bookId: 1, quantity: 2 },
      ],
    });
    expect(result.error?.issues[0]?.message).toBe("List each book once; use quantity for more copies.");
  });
});
