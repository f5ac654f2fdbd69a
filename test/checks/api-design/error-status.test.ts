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
    // A status set before content negotiation holds for every format's answer.
    `app.use((req, res) => { res.status(404); res.format({ json: () => { res.json({ error: "Not found" }); }, default: () => res.send("Not found") }); });`,
    `app.get("/x", async (req, res) => { try { res.json(await load()); } catch (err) { res.status(err.status || 500); res.json({ error: err.message }); } });`,
    `app.use((req, res) => { res.statusCode = 404; if (req.accepts("json")) { res.json({ error: "Not found" }); } });`,
  ],
  invalid: [
    { code: `app.get("/x", (req, res) => { res.json({ error: "not found" }); });`, errors: [{ messageId: "okError" }] },
    // A status set in a branch that has ended does not hold after it.
    {
      code: `app.get("/x", (req, res) => { if (req.query.a) { res.status(400); return res.end(); } res.json({ error: "missing" }); });`,
      errors: [{ messageId: "okError" }],
    },
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
