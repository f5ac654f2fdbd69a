import { z } from "zod";
import { paginationShape } from "../http/pagination.js";

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../http/pagination.js";

export const TASK_STATUSES = ["todo", "doing", "done"] as const;
export const SORT_FIELDS = ["createdAt", "updatedAt", "dueDate", "title"] as const;

const title = z.string().trim().min(1).max(200);
const description = z.string().trim().max(5000).nullable();
const status = z.enum(TASK_STATUSES);
/** A calendar date such as 2025-03-31 (no time, no time zone). */
const dueDate = z.iso.date().nullable();

export const taskIdParamsSchema = z.object({ id: z.uuid() });

export const createTaskSchema = z.strictObject({
  title,
  description: description.default(null),
  status: status.default("todo"),
  dueDate: dueDate.default(null),
});

export const updateTaskSchema = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    status: status.optional(),
    dueDate: dueDate.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, { message: "Send at least one field to change." });

/** `sort=title` sorts ascending, `sort=-title` descending. */
const sort = z
  .string()
  .regex(new RegExp(`^-?(${SORT_FIELDS.join("|")})$`), `Use one of ${SORT_FIELDS.join(", ")}, with an optional leading "-".`)
  .default("-createdAt")
  .transform((value) => ({
    field: value.replace(/^-/, "") as (typeof SORT_FIELDS)[number],
    direction: value.startsWith("-") ? ("desc" as const) : ("asc" as const),
  }));

export const listTasksQuerySchema = z
  .strictObject({
    ...paginationShape,
    status: status.optional(),
    dueBefore: z.iso.date().optional(),
    dueAfter: z.iso.date().optional(),
    q: z.string().trim().min(1).max(200).optional(),
    sort,
  })
  .refine((query) => !query.dueBefore || !query.dueAfter || query.dueAfter <= query.dueBefore, {
    message: "dueAfter must not be later than dueBefore.",
    path: ["dueAfter"],
  });

export type TaskStatus = z.infer<typeof status>;
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;
export type ListTasksQuery = z.infer<typeof listTasksQuerySchema>;

/** A type alias rather than an interface, so it fits the `Row` constraint of `Db.query`. */
export type Task = {
  id: string;
  title: string;
  description: string | null;
  status: TaskStatus;
  dueDate: string | null;
  createdAt: Date;
  updatedAt: Date;
};
