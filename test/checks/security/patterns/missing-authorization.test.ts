import { describe, expect, it } from "vitest";
import { missingAuthorization } from "../../../../src/checks/security/patterns/missing-authorization.js";
import { ruleTester } from "../../../helpers/rule-tester.js";
import { describeCorpus } from "./fixture-corpus.js";

describe("missing-authorization", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      { code: "router.post('/', requireAuth, create); router.delete('/:id', requireAuth, remove);" },
      { code: "router.post('/', create); router.delete('/:id', remove);" },
      { code: "router.use(verifyToken); router.post('/', create); router.get('/', verifyToken, list);" },
      { code: "router.get('/me', auth, me); router.post('/login', login);" },
      {
        code: "router.get('/orders/:id', requireAuth, async (req, res) => res.json(await Order.findOne({ _id: req.params.id, customer: req.user.id })));",
      },
      {
        code: "router.delete('/users/:id', requireAuth, requireRole('admin'), async (req, res) => { await User.findByIdAndDelete(req.params.id); res.end(); });",
      },
      {
        code: "router.use(ensureAdmin); router.post('/users/:id/promote', async (req, res) => { await db.query('UPDATE users SET role = 1 WHERE id = $1', [req.params.id]); });",
      },
      {
        code: "router.get('/posts/:slug', async (req, res) => res.json(await Post.findOne({ slug: req.params.slug })));",
      },
      {
        code: "router.patch('/books/:id', async (req, res) => { const { id } = schema.parse(req.params); res.json(await books.update(id, req.body)); });",
      },
      {
        code: "router.use('/notes', authenticate); router.delete('/notes/:id', async (req, res) => { const { id } = req.params; await deleteNote(db, currentUser(res).id, id); });",
      },
      // Public by nature: signing up (creating an account), logging in, refreshing a token, resetting a password.
      { code: "router.get('/me', auth, me);\nrouter.post('/users', createUser);\nrouter.post('/users/login', login);" },
      { code: "router.put('/', auth, update);\nrouter.post('/', create);", filename: "src/routes/users.routes.ts" },
      {
        code: "router.get('/me', auth, me);\nrouter.post('/token/refresh', refresh);\nrouter.post('/password/forgot', forgot);",
      },
      {
        code: "router.post('/', auth, create);\nrouter.post('/webhooks/stripe', stripeWebhook);\nrouter.get('/health', health);",
      },
      {
        code: "@Controller('users')\nclass UsersController {\n  @UseGuards(AuthGuard) @Put() update() {}\n  @Post() create() {}\n}",
        filename: "src/users/users.controller.ts",
      },
      // A Fastify route whose own preHandler checks a role.
      {
        code: [
          "export default async function (app) {",
          "  app.post('/:id/close', { preHandler: (request, reply) => request.isModerator(reply) }, async (request) => {",
          "    return app.repo.update(request.params.id, { open: false });",
          "  });",
          "}",
        ].join("\n"),
      },
    ],
    invalid: [
      // Creating something else than an account is not sign-up.
      {
        code: "router.get('/', auth, list);\nrouter.post('/', create);",
        filename: "src/routes/orders.routes.ts",
        errors: [{ messageId: "missingAuth", line: 2 }],
      },
      {
        code: "router.get('/me', auth, me);\nrouter.delete('/users/:id', removeUser);",
        errors: [{ messageId: "missingAuth", line: 2 }],
      },
      {
        code: "@Controller('articles')\nclass ArticlesController {\n  @UseGuards(AuthGuard) @Put() update() {}\n  @Post() create() {}\n}",
        filename: "src/articles/articles.controller.ts",
        errors: [{ messageId: "missingGuard", line: 4 }],
      },
      {
        code: "router.get('/', verifyToken, list);\nrouter.delete('/:id', remove);",
        errors: [{ messageId: "missingAuth", line: 2 }],
      },
      {
        code: "router.post('/', create);\nrouter.use(auth);\nrouter.put('/:id', auth, update);",
        errors: [{ messageId: "missingAuth", line: 1 }],
      },
      {
        code: "router.get('/orders/:id', requireAuth, async (req, res) => {\n  res.json(await Order.findById(req.params.id));\n});",
        errors: [{ messageId: "noOwnerCheck", line: 1 }],
      },
      {
        code: "router.delete('/users/:id', async (req, res) => { await User.findByIdAndDelete(req.params.id); res.end(); });",
        errors: [{ messageId: "noOwnerCheck", line: 1 }],
      },
      {
        code: "function Handler(db) {\n  this.update = function (req, res) {\n    const userId = req.body.userId;\n    db.users.updateOne({ _id: userId }, { $set: { plan: req.body.plan } });\n  };\n}\nconst handler = new Handler(db);\napp.post('/benefits', handler.update);",
        errors: [{ messageId: "noOwnerCheck", line: 8 }],
      },
      // Signed in, on records not named as anyone's: shared by design or not, the code does not say (actionable).
      {
        code: "router.patch('/tasks/:id', requireAuth, async (req, res) => {\n  res.json(await Task.findByIdAndUpdate(req.params.id, { title: String(req.body.title) }));\n});",
        errors: [{ messageId: "noOwnerCheckSignedIn", line: 1 }],
      },
      // Field names in a Fastify route's schema (`roles`) are no role check: only its hooks are read.
      {
        code: [
          "export default async function (app) {",
          "  app.patch('/users/:id', { schema: { body: { properties: { roles: { type: 'array' } } } } }, async (request) => {",
          "    return app.repo.update(request.params.id, request.body);",
          "  });",
          "}",
        ].join("\n"),
        errors: [{ messageId: "noOwnerCheck", line: 2 }],
      },
    ],
  });

  describeCorpus("missing-authorization");

  it("grades a signed-in route on records not named as anyone's actionable, and the rest at the rubric's level", () => {
    expect(missingAuthorization.levelOf?.({ messageId: "noOwnerCheckSignedIn", message: "" }, {})).toBe("actionable");
    expect(missingAuthorization.levelOf?.({ messageId: "privateReadNoLogin", message: "" }, {})).toBe("actionable");
    expect(missingAuthorization.levelOf?.({ messageId: "noOwnerCheck", message: "" }, {})).toBeUndefined();
    expect(missingAuthorization.levelOf?.({ messageId: "privateRead", message: "" }, {})).toBeUndefined();
  });
});
