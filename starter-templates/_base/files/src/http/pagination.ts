import { z } from "zod";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `limit` and `offset` query parameters, shared by every list endpoint. */
export const paginationShape = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
};

export const paginationSchema = z.strictObject(paginationShape);
export type Pagination = z.infer<typeof paginationSchema>;

/** The body of every list response. */
export function pageOf<T>(data: T[], pagination: Pagination, total: number) {
  return { data, page: { limit: pagination.limit, offset: pagination.offset, total } };
}
