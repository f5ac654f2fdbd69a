import { z } from "zod";
import { paginationShape } from "../http/pagination.js";

const title = z.string().trim().min(1).max(300);
/** 10 000.00 in cents. With MAX_ORDER_LINES and MAX_LINE_QUANTITY it bounds an order's total (see place-order.ts). */
export const MAX_PRICE_CENTS = 1_000_000;
const priceCents = z.number().int().min(0).max(MAX_PRICE_CENTS);
const stock = z.number().int().min(0).max(1_000_000);
const publishedYear = z.number().int().min(1450).max(2100).nullable();

export const createBookSchema = z.strictObject({
  authorId: z.number().int().positive(),
  title,
  /** ISBN-13 without hyphens. */
  isbn: z.string().regex(/^[0-9]{13}$/, "Use the 13 digits of the ISBN, without hyphens."),
  priceCents,
  stock: stock.default(0),
  publishedYear: publishedYear.default(null),
});

export const updateBookSchema = z
  .strictObject({
    title: title.optional(),
    priceCents: priceCents.optional(),
    stock: stock.optional(),
    publishedYear: publishedYear.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: "Send at least one field to change." });

export const listBooksQuerySchema = z.strictObject({
  ...paginationShape,
  authorId: z.coerce.number().int().positive().optional(),
  inStock: z.enum(["true", "false"]).transform((value) => value === "true").optional(),
});

export type CreateBookInput = z.infer<typeof createBookSchema>;
export type UpdateBookInput = z.infer<typeof updateBookSchema>;
export type ListBooksQuery = z.infer<typeof listBooksQuerySchema>;

export type Book = {
  id: number;
  authorId: number;
  title: string;
  isbn: string;
  priceCents: number;
  stock: number;
  publishedYear: number | null;
  createdAt: Date;
};
