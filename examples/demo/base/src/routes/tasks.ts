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
