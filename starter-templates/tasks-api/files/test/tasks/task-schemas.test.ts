import { describe, expect, it } from "vitest";
import {
  createTaskSchema,
  listTasksQuerySchema,
  MAX_PAGE_SIZE,
  taskIdParamsSchema,
  updateTaskSchema,
} from "../../src/tasks/task-schemas.js";

describe("createTaskSchema", () => {
  it("fills in defaults and trims the title", () => {
    expect(createTaskSchema.parse({ title: "  Write tests  " })).toEqual({
      title: "Write tests",
      description: null,
      status: "todo",
      dueDate: null,
    });
  });

  it("rejects an empty title, an unknown status, a bad date and unknown fields", () => {
    const result = createTaskSchema.safeParse({ title: " ", status: "later", dueDate: "31/01/2025", owner: "me" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join(".") || issue.code);
    expect(paths).toEqual(expect.arrayContaining(["title", "status", "dueDate", "unrecognized_keys"]));
  });
});

describe("updateTaskSchema", () => {
  it("accepts a partial change, including clearing the due date", () => {
    expect(updateTaskSchema.parse({ status: "done", dueDate: null })).toEqual({ status: "done", dueDate: null });
  });

  it("rejects an empty change", () => {
    expect(updateTaskSchema.safeParse({}).success).toBe(false);
  });
});

describe("listTasksQuerySchema", () => {
  it("uses the first page, newest first, by default", () => {
    expect(listTasksQuerySchema.parse({})).toEqual({
      limit: 20,
      offset: 0,
      sort: { field: "createdAt", direction: "desc" },
    });
  });

  it("converts query-string numbers and reads the sort direction", () => {
    expect(listTasksQuerySchema.parse({ limit: "5", offset: "10", sort: "dueDate" })).toMatchObject({
      limit: 5,
      offset: 10,
      sort: { field: "dueDate", direction: "asc" },
    });
  });

  it(`caps the page size at ${MAX_PAGE_SIZE}`, () => {
    expect(listTasksQuerySchema.safeParse({ limit: String(MAX_PAGE_SIZE + 1) }).success).toBe(false);
  });

  it("rejects a sort field that is not allowed", () => {
    expect(listTasksQuerySchema.safeParse({ sort: "password" }).success).toBe(false);
  });

  it("rejects a date range that ends before it starts", () => {
    expect(listTasksQuerySchema.safeParse({ dueAfter: "2025-02-01", dueBefore: "2025-01-01" }).success).toBe(false);
  });
});

describe("taskIdParamsSchema", () => {
  it("accepts a UUID and rejects anything else", () => {
    expect(taskIdParamsSchema.safeParse({ id: "6f1c2b8e-3a4d-4e5f-8a9b-0c1d2e3f4a5b" }).success).toBe(true);
    expect(taskIdParamsSchema.safeParse({ id: "1 OR 1=1" }).success).toBe(false);
  });
});
