import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/db.js";
import { createTestApp } from "../helpers/test-app.js";
import { createTestDb } from "../helpers/test-db.js";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

describe("/tasks", () => {
  let db: Db;
  let app: Express;

  const createTask = (body: object) => request(app).post("/tasks").send(body);

  beforeAll(async () => {
    db = await createTestDb();
    app = createTestApp(db);
  });

  beforeEach(async () => {
    await db.query("DELETE FROM tasks");
  });

  afterAll(async () => {
    await db.close();
  });

  describe("POST /tasks", () => {
    it("creates a task and answers 201 with its location", async () => {
      const response = await createTask({ title: "Learn SQL", dueDate: "2025-06-01" });
      expect(response.status).toBe(201);
      expect(response.headers.location).toBe(`/tasks/${response.body.id}`);
      expect(response.body).toMatchObject({ title: "Learn SQL", status: "todo", description: null, dueDate: "2025-06-01" });
      expect(new Date(response.body.createdAt).toString()).not.toBe("Invalid Date");
    });

    it("answers 422 with details when the body is invalid", async () => {
      const response = await createTask({ title: "", status: "someday" });
      expect(response.status).toBe(422);
      expect(response.body.error.code).toBe("validation_failed");
      expect(response.body.error.details.map((detail: { path: string }) => detail.path).sort()).toEqual(["status", "title"]);
    });

    it("answers 409 when the title is taken", async () => {
      await createTask({ title: "Learn SQL" });
      const response = await createTask({ title: "learn sql" });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe("task_title_taken");
    });
  });

  describe("GET /tasks", () => {
    it("lists tasks with paging information", async () => {
      await createTask({ title: "One" });
      await createTask({ title: "Two", status: "done" });
      const response = await request(app).get("/tasks").query({ status: "done" });
      expect(response.status).toBe(200);
      expect(response.body.data.map((task: { title: string }) => task.title)).toEqual(["Two"]);
      expect(response.body.page).toEqual({ limit: 20, offset: 0, total: 1 });
    });

    it("answers 422 for a page size above the maximum", async () => {
      const response = await request(app).get("/tasks").query({ limit: 1000 });
      expect(response.status).toBe(422);
      expect(response.body.error.details[0].path).toBe("limit");
    });

    it("answers 422 for an unknown query parameter", async () => {
      const response = await request(app).get("/tasks").query({ colour: "red" });
      expect(response.status).toBe(422);
    });
  });

  describe("GET /tasks/:id", () => {
    it("returns the task", async () => {
      const created = await createTask({ title: "Read" });
      const response = await request(app).get(`/tasks/${created.body.id}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual(created.body);
    });

    it("answers 404 for a task that does not exist", async () => {
      const response = await request(app).get(`/tasks/${MISSING_ID}`);
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({ code: "not_found", message: `Task ${MISSING_ID} does not exist.`, details: [] });
    });

    it("answers 422 for an id that is not a UUID", async () => {
      const response = await request(app).get("/tasks/42");
      expect(response.status).toBe(422);
    });
  });

  describe("PATCH /tasks/:id", () => {
    it("changes the given fields", async () => {
      const created = await createTask({ title: "Draft" });
      const response = await request(app).patch(`/tasks/${created.body.id}`).send({ status: "doing", description: "Half way" });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ title: "Draft", status: "doing", description: "Half way" });
    });

    it("answers 409 when renaming onto a taken title", async () => {
      await createTask({ title: "First" });
      const second = await createTask({ title: "Second" });
      const response = await request(app).patch(`/tasks/${second.body.id}`).send({ title: "FIRST" });
      expect(response.status).toBe(409);
    });

    it("answers 422 for an empty change and 404 for a missing task", async () => {
      const created = await createTask({ title: "Draft" });
      expect((await request(app).patch(`/tasks/${created.body.id}`).send({})).status).toBe(422);
      expect((await request(app).patch(`/tasks/${MISSING_ID}`).send({ status: "done" })).status).toBe(404);
    });
  });

  describe("DELETE /tasks/:id", () => {
    it("deletes the task and answers 204, then 404", async () => {
      const created = await createTask({ title: "Gone soon" });
      const first = await request(app).delete(`/tasks/${created.body.id}`);
      expect(first.status).toBe(204);
      expect(first.text).toBe("");
      expect((await request(app).delete(`/tasks/${created.body.id}`)).status).toBe(404);
    });
  });
});
