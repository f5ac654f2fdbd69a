import { methodMismatchCheck } from "../../../src/checks/api-design/method-mismatch.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("method-mismatch", methodMismatchCheck.rule, {
  valid: [
    `router.get("/tasks", async (req, res) => { res.json(await Task.findAll({ limit: 10 })); });`,
    `router.get("/tasks", async (req, res) => { cache.set("tasks", 1); req.session.save(); res.json([]); });`,
    `router.get("/logout", async (req, res) => { await Session.destroy({ where: { id: req.session.id } }); res.redirect("/"); });`,
    `router.delete("/tasks/:id", async (req, res) => { await Task.destroy({ where: { id: req.params.id } }); res.sendStatus(204); });`,
    `router.post("/tasks", async (req, res) => { await Task.create(req.body); });`,
  ],
  invalid: [
    {
      code: `router.get("/tasks/:id/complete", async (req, res) => { await Task.update({ done: true }, { where: { id: req.params.id } }); res.json({}); });`,
      errors: [{ messageId: "getWrites" }],
    },
    {
      code: `app.get("/tasks/clear", async (req, res) => { await pool.query("DELETE FROM tasks"); res.end(); });`,
      errors: [{ messageId: "getWrites" }],
    },
    {
      code: `router.delete("/tasks", async (req, res) => { await Task.destroy({ where: { id: req.body.ids } }); res.sendStatus(204); });`,
      errors: [{ messageId: "deleteWithBody" }],
    },
  ],
});
