import type { Db } from "../db/db.js";
import { hasPostgresCode, UNIQUE_VIOLATION } from "../db/postgres-error.js";
import { conflict } from "../errors/http-error.js";
import { buildTaskFilter } from "./task-filter.js";
import type { CreateTaskInput, ListTasksQuery, Task, UpdateTaskInput } from "./task-schemas.js";

const TASK_COLUMNS = `id, title, description, status, due_date::text AS "dueDate",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** API field -> column. Only these names ever reach the SQL text of ORDER BY and SET. */
const COLUMN_OF = {
  title: "title",
  description: "description",
  status: "status",
  dueDate: "due_date",
  createdAt: "created_at",
  updatedAt: "updated_at",
} as const;

export interface TaskPage {
  tasks: Task[];
  total: number;
}

function rethrowTitleTaken(error: unknown): never {
  if (hasPostgresCode(error, UNIQUE_VIOLATION)) {
    throw conflict("task_title_taken", "A task with this title already exists. Choose another title.");
  }
  throw error;
}

/** All SQL about tasks lives here; the rest of the app works with `Task` objects. */
export class TaskRepository {
  constructor(private readonly db: Db) {}

  async list(query: ListTasksQuery): Promise<TaskPage> {
    const { where, params } = buildTaskFilter(query);
    const column = COLUMN_OF[query.sort.field];
    const direction = query.sort.direction === "asc" ? "ASC" : "DESC";
    const limitAt = params.length + 1;
    const tasks = await this.db.query<Task>(
      `SELECT ${TASK_COLUMNS} FROM tasks ${where}
       ORDER BY ${column} ${direction} NULLS LAST, id ${direction}
       LIMIT $${limitAt} OFFSET $${limitAt + 1}`,
      [...params, query.limit, query.offset],
    );
    const [count] = await this.db.query<{ total: number }>(`SELECT count(*)::int AS total FROM tasks ${where}`, params);
    return { tasks, total: count?.total ?? 0 };
  }

  async findById(id: string): Promise<Task | undefined> {
    const [task] = await this.db.query<Task>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [id]);
    return task;
  }

  async create(input: CreateTaskInput): Promise<Task> {
    try {
      const [task] = await this.db.query<Task>(
        `INSERT INTO tasks (title, description, status, due_date) VALUES ($1, $2, $3, $4) RETURNING ${TASK_COLUMNS}`,
        [input.title, input.description, input.status, input.dueDate],
      );
      if (!task) throw new Error("INSERT ... RETURNING returned no row");
      return task;
    } catch (error) {
      return rethrowTitleTaken(error);
    }
  }

  /** Changes only the fields present in `changes`; returns undefined when the task does not exist. */
  async update(id: string, changes: UpdateTaskInput): Promise<Task | undefined> {
    const fields = (Object.keys(changes) as (keyof UpdateTaskInput)[]).filter((field) => changes[field] !== undefined);
    const assignments = fields.map((field, index) => `${COLUMN_OF[field]} = $${index + 2}`);
    try {
      const [task] = await this.db.query<Task>(
        `UPDATE tasks SET ${[...assignments, "updated_at = now()"].join(", ")} WHERE id = $1 RETURNING ${TASK_COLUMNS}`,
        [id, ...fields.map((field) => changes[field])],
      );
      return task;
    } catch (error) {
      return rethrowTitleTaken(error);
    }
  }

  /** Returns false when there was no such task. */
  async remove(id: string): Promise<boolean> {
    const deleted = await this.db.query("DELETE FROM tasks WHERE id = $1 RETURNING id", [id]);
    return deleted.length > 0;
  }
}
