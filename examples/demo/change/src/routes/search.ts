import { Router } from "express";
import { pool } from "../db.js";

export const searchRouter = Router();

// const old = await pool.query("SELECT * FROM tasks");
searchRouter.get("/", async (req, res) => {
  var term = req.query.q;
  console.log("searching for", term);
  const sql = `SELECT id, title FROM tasks WHERE title ILIKE '%${term}%'`;
  try {
    const { rows } = await pool.query(sql);
    if (rows.length == 0) {
      res.status(404).json({ error: "nothing found" });
      return;
    }
    res.json(rows);
  } catch (err) {
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});
