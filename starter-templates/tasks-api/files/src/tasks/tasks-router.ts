import { Router } from "express";
import { notFound } from "../errors/http-error.js";
import type { TaskRepository } from "./task-repository.js";
import { createTaskSchema, listTasksQuerySchema, taskIdParamsSchema, updateTaskSchema } from "./task-schemas.js";

const taskNotFound = (id: string) => notFound(`Task ${id} does not exist.`);

/** CRUD for `/tasks`. Every input is validated with zod; a ZodError becomes a 422 response. */
export function tasksRouter(tasks: TaskRepository): Router {
  const router = Router();

  router.get("/tasks", async (req, res) => {
    const query = listTasksQuerySchema.parse(req.query);
    const page = await tasks.list(query);
    res.json({ data: page.tasks, page: { limit: query.limit, offset: query.offset, total: page.total } });
  });

  router.post("/tasks", async (req, res) => {
    const input = createTaskSchema.parse(req.body);
    const task = await tasks.create(input);
    res.status(201).location(`/tasks/${task.id}`).json(task);
  });

  router.get("/tasks/:id", async (req, res) => {
    const { id } = taskIdParamsSchema.parse(req.params);
    const task = await tasks.findById(id);
    if (!task) throw taskNotFound(id);
    res.json(task);
  });

  router.patch("/tasks/:id", async (req, res) => {
    const { id } = taskIdParamsSchema.parse(req.params);
    const changes = updateTaskSchema.parse(req.body);
    const task = await tasks.update(id, changes);
    if (!task) throw taskNotFound(id);
    res.json(task);
  });

  router.delete("/tasks/:id", async (req, res) => {
    const { id } = taskIdParamsSchema.parse(req.params);
    if (!(await tasks.remove(id))) throw taskNotFound(id);
    res.status(204).end();
  });

  return router;
}
