import { errorStatusCheck } from "../../../src/checks/api-design/error-status.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("error-status", errorStatusCheck.rule, {
  valid: [
    `app.get("/x", (req, res) => { res.status(400).json({ error: "title is required" }); });`,
    `app.get("/x", (req, res) => { res.json({ tasks }); });`,
    `app.get("/x", async (req, res) => { try { res.json(await load()); } catch (error) { res.status(500).json({ error: "failed" }); } });`,
    `app.get("/x", async (req, res) => { try { res.json(await load()); } catch { res.json([]); } });`,
    `app.get("/x", (req, res) => { res.status(422); res.json({ error: "bad" }); });`,
    `app.post("/x", async (req, res) => { try { await Task.create(req.body); } catch (error) { if (error instanceof ValidationError) return res.status(400).json({ error: error.message }); res.status(500).json({ error: "failed" }); } });`,
    `app.post("/x", (req, res) => { res.status(500).json({ error: "database unavailable" }); });`,
  ],
  invalid: [
    { code: `app.get("/x", (req, res) => { res.json({ error: "not found" }); });`, errors: [{ messageId: "okError" }] },
    {
      code: `app.get("/x", async (req, res) => { try { res.json(await load()); } catch (err) { res.send({ message: err.message }); } });`,
      errors: [{ messageId: "okError" }],
    },
    {
      code: `app.post("/x", (req, res) => { if (typeof req.body.title !== "string") return res.status(500).json({ error: "bad title" }); });`,
      errors: [{ messageId: "validation500" }],
    },
    {
      code: `app.post("/x", (req, res) => { res.status(500).json({ error: "title is required" }); });`,
      errors: [{ messageId: "validation500" }],
    },
    {
      code: `app.post("/x", async (req, res) => { try { await Task.create(req.body); res.status(201).json({}); } catch (error) { res.status(400).json({ error: error.message }); } });`,
      errors: [{ messageId: "catch400" }],
    },
  ],
});
