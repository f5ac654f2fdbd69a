import { bodyUnvalidatedCheck } from "../../../src/checks/api-design/body-unvalidated.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("body-unvalidated", bodyUnvalidatedCheck.rule, {
  valid: [
    `router.post("/tasks", async (req, res) => { const input = TaskInput.parse(req.body); res.status(201).json(await Task.create(input)); });`,
    `router.post("/tasks", validate(taskSchema), async (req, res) => { res.status(201).json(await Task.create(req.body)); });`,
    `router.post("/tasks", body("title").isString(), async (req, res) => { res.status(201).json(await Task.create(req.body)); });`,
    `router.post("/tasks", async (req, res) => { const { title } = req.body; if (typeof title !== "string") return res.status(400).end(); await db.query("INSERT INTO tasks (title) VALUES ($1)", [title]); });`,
    `router.post("/tasks", async (req, res) => { const { title } = req.body; if (!title) return res.status(400).end(); await Task.create({ title }); });`,
    `fastify.post("/tasks", { schema: { body: TaskBody } }, async (request) => db.insert(request.body));`,
    `router.post("/tasks", async (req, res) => { res.json(await search(req.body)); });`,
    `router.use(validateBody); router.post("/tasks", async (req, res) => { await Task.create(req.body); });`,
    // the whole body written as it came is mass-assignment's (security), which says what to do about it
    `router.post("/tasks", async (req, res) => { res.status(201).json(await Task.create(req.body)); });`,
    `router.patch("/users/:id", auth, async (req, res) => { await User.update(req.body, { where: { id: req.params.id } }); res.sendStatus(204); });`,
    `router.post("/tasks", async (req, res) => { const input = req.body; res.status(201).json(await prisma.task.create({ data: input })); });`,
    // the body goes to a payment API, which checks what it is sent; nothing reaches the database
    `router.post("/api/stripe", (req, res) => { const { stripeToken } = req.body; stripe.charges.create({ amount: 395, source: stripeToken }, (err) => res.redirect("/")); });`,
  ],
  invalid: [
    // the payment API call does not hide a write to the database in the same handler
    {
      code: `router.post("/pay", async (req, res) => { const { token, note } = req.body; await stripe.charges.create({ source: token }); await Payment.create({ note }); res.end(); });`,
      errors: [{ messageId: "unvalidated" }],
    },
    {
      code: `router.post("/tasks", async (req, res) => { const { title, done } = req.body; res.status(201).json(await Task.create({ title, done })); });`,
      errors: [{ messageId: "unvalidated" }],
    },
    {
      code: `app.put("/tasks/:id", async (req, res) => { const { title, done } = req.body; await pool.query("UPDATE tasks SET title = $1, done = $2 WHERE id = $3", [title, done, req.params.id]); res.status(204).end(); });`,
      errors: [{ messageId: "unvalidated" }],
    },
    {
      code: `router.patch("/users/:id", auth, async (req, res) => { await User.update({ name: req.body.name }, { where: { id: req.params.id } }); res.sendStatus(204); });`,
      errors: [{ messageId: "unvalidated" }],
    },
  ],
});
