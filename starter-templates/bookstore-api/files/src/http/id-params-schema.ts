import { z } from "zod";

/** The largest value of a PostgreSQL `integer` column. */
const MAX_INTEGER_ID = 2_147_483_647;

/** A positive integer id in the path, such as `/books/42`. */
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(MAX_INTEGER_ID) });
