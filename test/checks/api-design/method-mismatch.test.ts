import { methodMismatchCheck } from "../../../src/checks/api-design/method-mismatch.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("method-mismatch", methodMismatchCheck.rule, {
  valid: [
    `router.get("/tasks", async (req, res) => { res.json(await Task.findAll({ limit: 10 })); });`,
    `router.get("/tasks", async (req, res) => { cache.set("tasks", 1); req.session.save(); res.json([]); });`,
    `router.get("/logout", async (req, res) => { await Session.destroy({ where: { id: req.session.id } }); res.redirect("/"); });`,
    `router.delete("/tasks/:id", async (req, res) => { await Task.destroy({ where: { id: req.params.id } }); res.sendStatus(204); });`,
    `router.post("/tasks", async (req, res) => { await Task.create(req.body); });`,
    // Hashing is not writing: an HMAC proof for a third-party API call, a digest of a file.
    `router.get("/feed", async (req, res) => { const proof = crypto.createHmac("sha256", key).update(req.user.token).digest("hex"); res.json(await feed(proof)); });`,
    `router.get("/etag", (req, res) => { const hash = crypto.createHash("sha1"); hash.update(body); res.send(hash.digest("hex")); });`,
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
    {
      code: `router.get("/tasks/:id/touch", async (req, res) => { const etag = crypto.createHash("md5").update(req.params.id).digest("hex"); await Task.update({ etag }, { where: { id: req.params.id } }); res.end(); });`,
      errors: [{ messageId: "getWrites" }],
    },
  ],
});
