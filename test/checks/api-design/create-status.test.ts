import { createStatusCheck } from "../../../src/checks/api-design/create-status.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("create-status", createStatusCheck.rule, {
  valid: [
    `router.post("/tasks", async (req, res) => { const task = await Task.create(req.body); res.status(201).json(task); });`,
    `router.post("/tasks", async (req, res) => { const task = await Task.create(req.body); res.location("/tasks/" + task.id).sendStatus(201); });`,
    `router.post("/login", async (req, res) => { await Session.create({ user }); res.json({ token }); });`,
    `router.post("/tasks/search", async (req, res) => { res.json(await Task.findAll()); });`,
    `fastify.post("/tasks", async (request, reply) => { const task = await db.insert(request.body); return reply.code(201).send(task); });`,
    `router.post("/tasks", async (req, res) => { res.json(await cache.get("x")); });`,
  ],
  invalid: [
    {
      code: `router.post("/tasks", async (req, res) => { const task = await Task.create(req.body); res.json(task); });`,
      errors: [{ messageId: "notCreated" }],
    },
    {
      // The 400 set by a statement of its own is the validation branch; the finding goes on the success.
      code: `router.post("/tasks", async (req, res) => {\n  if (!req.body.title) {\n    res.status(400);\n    return res.json({ message: "title is missing" });\n  }\n  const task = await Task.create(req.body);\n  res.json(task);\n});`,
      errors: [{ messageId: "notCreated", line: 7 }],
    },
    {
      code: `app.post("/tasks", async (req, res) => { const { rows } = await pool.query("INSERT INTO tasks (title) VALUES ($1) RETURNING *", [req.body.title]); res.status(200).send(rows[0]); });`,
      errors: [{ messageId: "notCreated" }],
    },
    {
      code: `router.post("/tasks", async (req, res) => { await Task.create(req.body); res.sendStatus(201); });`,
      errors: [{ messageId: "nothingToFind" }],
    },
    {
      code: `router.post("/tasks", async (req, res) => { await repo.save(req.body); res.status(201).end(); });`,
      errors: [{ messageId: "nothingToFind" }],
    },
  ],
});

ruleTester.run("create-status (handlers defined apart from the route)", createStatusCheck.rule, {
  valid: [
    `const create = async (req, res) => { res.status(201).json(await Task.create(req.body)); };\nrouter.post("/tasks", create);`,
  ],
  invalid: [
    {
      code: `const create = asyncHandler(async (req, res) => { res.json(await Task.create(req.body)); });\nrouter.post("/tasks", create);`,
      errors: [{ messageId: "notCreated", line: 1 }],
    },
    {
      code: `async function create(req, res) { res.json(await Task.create(req.body)); }\nrouter.post("/tasks", auth, create);`,
      errors: [{ messageId: "notCreated", line: 1 }],
    },
    {
      code: `router.post("/tasks", asyncHandler(async (req, res) => { res.json(await Task.create(req.body)); }));`,
      errors: [{ messageId: "notCreated" }],
    },
  ],
});
