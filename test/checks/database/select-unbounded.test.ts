import { selectUnboundedCheck } from "../../../src/checks/database/select-unbounded.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("select-unbounded", selectUnboundedCheck.rule, {
  valid: [
    `app.get("/tasks", async (req, res) => { res.json((await pool.query("SELECT id FROM tasks ORDER BY id LIMIT $1", [20])).rows); });`,
    `app.get("/tasks/:id", async (req, res) => { res.json((await pool.query("SELECT id FROM tasks WHERE id = $1", [req.params.id])).rows[0]); });`,
    `app.get("/stats", async (req, res) => { res.json((await pool.query("SELECT count(*) FROM tasks")).rows[0]); });`,
    `async function exportAll() { return (await pool.query("SELECT id FROM tasks")).rows; }`,
    // A service function no handler of this file calls (a nightly export) is not a request path.
    `async function exportAll() { return (await pool.query("SELECT id FROM tasks")).rows; }
    app.get("/tasks/:id", async (req, res) => { res.json((await pool.query("SELECT id FROM tasks WHERE id = $1", [req.params.id])).rows[0]); });`,
  ],
  invalid: [
    {
      code: `app.post("/report", async (req, res) => { const { rows } = await pool.query("SELECT id, total FROM orders ORDER BY id"); res.json(rows); });`,
      errors: [{ messageId: "unbounded" }],
    },
    {
      code: `async function list(req, res) { const { rows } = await db.query(\`SELECT * FROM books\`); res.json(rows); }`,
      errors: [{ messageId: "unbounded" }],
    },
    // The query sits in a service function the handler calls with the request's data, not req.
    {
      code: `async function ordersOf(customer) { return (await pool.query("SELECT id, total FROM orders")).rows.filter((o) => o.customer === customer); }
      app.post("/report", async (req, res) => { res.json(await ordersOf(req.body.customer)); });`,
      errors: [{ messageId: "unbounded", line: 1 }],
    },
  ],
});
