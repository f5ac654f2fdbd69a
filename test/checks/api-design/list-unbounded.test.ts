import { listUnboundedCheck } from "../../../src/checks/api-design/list-unbounded.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("list-unbounded", listUnboundedCheck.rule, {
  valid: [
    `router.get("/tasks", async (req, res) => { const limit = Math.min(Number(req.query.limit) || 20, 100); res.json(await Task.findAll({ limit, offset: 0 })); });`,
    `router.get("/tasks", async (req, res) => { res.json(await prisma.task.findMany({ take: 20 })); });`,
    `router.get("/tasks", async (req, res) => { const { rows } = await pool.query("SELECT * FROM tasks ORDER BY id LIMIT $1", [20]); res.json(rows); });`,
    `router.get("/tasks/:id", async (req, res) => { res.json(await Task.findAll({ where: { id: req.params.id } })); });`,
    `router.get("/tasks", async (req, res) => { res.json(items.find((item) => item.id === 1)); });`,
    `router.get("/me", async (req, res) => { const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [req.user.id]); res.json(rows[0]); });`,
  ],
  invalid: [
    {
      code: `router.get("/tasks", async (req, res) => { res.json(await Task.findAll()); });`,
      errors: [{ messageId: "unbounded" }],
    },
    {
      code: `app.get("/books", async (req, res) => { const { rows } = await pool.query("SELECT * FROM books ORDER BY title"); res.json(rows); });`,
      errors: [{ messageId: "unbounded" }],
    },
    {
      code: `app.get("/books", async (req, res) => { res.json(await Book.find({})); });`,
      errors: [{ messageId: "unbounded" }],
    },
    {
      code: `app.get("/books", async (req, res) => { res.json(await prisma.book.findMany({ orderBy: { title: "asc" } })); });`,
      errors: [{ messageId: "unbounded" }],
    },
  ],
});
