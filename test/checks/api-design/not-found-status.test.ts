import { notFoundStatusCheck } from "../../../src/checks/api-design/not-found-status.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("not-found-status", notFoundStatusCheck.rule, {
  valid: [
    `router.get("/tasks/:id", async (req, res) => { const task = await Task.findByPk(req.params.id); if (!task) return res.status(404).json({ error: "not found" }); res.json(task); });`,
    `router.get("/tasks/:id", async (req, res, next) => { const task = await Task.findByPk(req.params.id); if (!task) return next(new NotFoundError()); res.json(task); });`,
    `router.get("/tasks/:id", async (req, res) => { const task = await prisma.task.findUniqueOrThrow({ where: { id: req.params.id } }); res.json(task); });`,
    `router.get("/tasks", async (req, res) => { res.json(await Task.findOne({ where: { id: 1 } })); });`,
    `router.get("/tasks/:id", async (req, res) => { res.json(tasks.get(req.params.id)); });`,
  ],
  invalid: [
    {
      code: `router.get("/tasks/:id", async (req, res) => { const task = await Task.findByPk(req.params.id); res.json(task); });`,
      errors: [{ messageId: "noNotFound" }],
    },
    {
      code: `app.get("/users/:id", async (req, res) => { const { rows } = await pool.query("SELECT * FROM users WHERE id = $1", [req.params.id]); res.json(rows[0]); });`,
      errors: [{ messageId: "noNotFound" }],
    },
    {
      code: `router.get("/tasks/:id", async (req, res) => { const task = await Task.findOne({ id: req.params.id }); if (!task) return res.json({}); if (task.hidden) return res.status(404).end(); res.json(task); });`,
      errors: [{ messageId: "emptyOk" }],
    },
  ],
});
