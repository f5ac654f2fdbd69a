import { Router } from "express";
import { pool } from "../db.js";

export const tasksRouter = Router();

tasksRouter.get("/", async (_req, res) => {
  const { rows } = await pool.query("SELECT id, title, done FROM tasks ORDER BY id");
  res.json(rows);
});

tasksRouter.get("/:id", async (req, res) => {
  const { rows } = await pool.query("SELECT id, title, done FROM tasks WHERE id = $1", [Number(req.params.id)]);
  if (rows.length === 0) {
    res.status(404).json({ error: "not found" });
    return;
  }
  res.json(rows[0]);
});

tasksRouter.post("/", async (req, res) => {
  const title = String(req.body.title ?? "").trim();
  if (title.length === 0) {
    res.status(422).json({ error: "title is required" });
    return;
  }
  const { rows } = await pool.query("INSERT INTO tasks (title) VALUES ($1) RETURNING id, title, done", [title]);
  res.status(201).json(rows[0]);
});

tasksRouter.delete("/:id", async (req, res) => {
  await pool.query("DELETE FROM tasks WHERE id = $1", [Number(req.params.id)]);
  res.status(204).end();
});
