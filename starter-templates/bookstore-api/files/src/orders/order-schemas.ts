import { z } from "zod";

export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 100;

const orderLine = z.strictObject({
  bookId: z.number().int().positive(),
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
});

export const placeOrderSchema = z.strictObject({
  customerId: z.number().int().positive(),
  items: z
    .array(orderLine)
    .min(1)
    .max(MAX_ORDER_LINES)
    .refine((items) => new Set(items.map((item) => item.bookId)).size === items.length, {
      message: "List each book once; use quantity for more copies.",
    }),
});

export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;

export type OrderItem = {
  bookId: number;
  title: string;
  quantity: number;
  unitPriceCents: number;
};

export type Order = {
  id: number;
  customerId: number;
  status: "placed" | "cancelled";
  totalCents: number;
  placedAt: Date;
  items: OrderItem[];
};
