import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { HttpError } from "../../src/errors/http-error.js";
import { TaskRepository } from "../../src/tasks/task-repository.js";
import { listTasksQuerySchema } from "../../src/tasks/task-schemas.js";
import { createTestDb } from "../helpers/test-db.js";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

describe("TaskRepository", () => {
  let db: Db;
  let tasks: TaskRepository;

  const create = (title: string, extra: { status?: "todo" | "doing" | "done"; dueDate?: string; description?: string } = {}) =>
    tasks.create({ title, description: extra.description ?? null, status: extra.status ?? "todo", dueDate: extra.dueDate ?? null });
  const list = (query: Record<string, string> = {}) => tasks.list(listTasksQuerySchema.parse(query));

  beforeAll(async () => {
    db = await createTestDb();
    tasks = new TaskRepository(db);
  });

  beforeEach(async () => {
    await db.query("DELETE FROM tasks");
  });

  afterAll(async () => {
    await db.close();
  });

  it("creates a task and finds it again", async () => {
    const task = await create("Write tests", { dueDate: "2025-03-31", description: "For every route" });
    expect(task).toMatchObject({ title: "Write tests", status: "todo", dueDate: "2025-03-31", description: "For every route" });
    expect(task.createdAt).toBeInstanceOf(Date);
    expect(await tasks.findById(task.id)).toEqual(task);
  });

  it("returns undefined for a task that does not exist", async () => {
    expect(await tasks.findById(MISSING_ID)).toBeUndefined();
    expect(await tasks.update(MISSING_ID, { status: "done" })).toBeUndefined();
    expect(await tasks.remove(MISSING_ID)).toBe(false);
  });

  it("refuses a second task with the same title in another case", async () => {
    await create("Buy milk");
    await expect(create("buy MILK")).rejects.toMatchObject({ status: 409, code: "task_title_taken" });
    await expect(create("buy MILK")).rejects.toBeInstanceOf(HttpError);
  });

  it("updates only the given fields and moves updatedAt", async () => {
    const task = await create("Refactor", { dueDate: "2025-05-01" });
    const updated = await tasks.update(task.id, { status: "doing", dueDate: null });
    expect(updated).toMatchObject({ title: "Refactor", status: "doing", dueDate: null });
    expect(updated?.updatedAt.getTime()).toBeGreaterThanOrEqual(task.updatedAt.getTime());
  });

  it("deletes a task", async () => {
    const task = await create("Temporary");
    expect(await tasks.remove(task.id)).toBe(true);
    expect(await tasks.findById(task.id)).toBeUndefined();
  });

  describe("list", () => {
    beforeEach(async () => {
      await create("Alpha", { status: "todo", dueDate: "2025-01-10", description: "first 100% done" });
      await create("Bravo", { status: "doing", dueDate: "2025-02-10" });
      await create("Charlie", { status: "done", dueDate: "2025-03-10" });
      await create("Delta", { status: "todo" });
    });

    const titles = async (query: Record<string, string>) => (await list(query)).tasks.map((task) => task.title);

    it("pages with limit and offset and reports the total", async () => {
      const page = await list({ sort: "title", limit: "2", offset: "1" });
      expect(page.tasks.map((task) => task.title)).toEqual(["Bravo", "Charlie"]);
      expect(page.total).toBe(4);
    });

    it("filters by status", async () => {
      expect(await titles({ status: "todo", sort: "title" })).toEqual(["Alpha", "Delta"]);
    });

    it("filters by due date range, inclusive", async () => {
      expect(await titles({ dueAfter: "2025-02-10", dueBefore: "2025-03-10", sort: "title" })).toEqual(["Bravo", "Charlie"]);
    });

    it("searches title and description without case, treating % literally", async () => {
      expect(await titles({ q: "BRAV" })).toEqual(["Bravo"]);
      expect(await titles({ q: "100%" })).toEqual(["Alpha"]);
      expect(await titles({ q: "%" })).toEqual(["Alpha"]);
    });

    it("sorts by due date with tasks without one last", async () => {
      expect(await titles({ sort: "-dueDate" })).toEqual(["Charlie", "Bravo", "Alpha", "Delta"]);
      expect(await titles({ sort: "dueDate" })).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    });

    it("counts only the filtered tasks", async () => {
      expect((await list({ status: "done" })).total).toBe(1);
    });
  });
});
