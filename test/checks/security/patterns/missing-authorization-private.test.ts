/**
 * missing-authorization, authorization as a whole: private data read with no auth anywhere in the route's
 * chain (Express/Koa/Fastify, NestJS, Next.js, Lambda), REST generators without a guard, and writes selected
 * by an owner id from the body.
 */
import { describe } from "vitest";
import { missingAuthorization } from "../../../../src/checks/security/patterns/missing-authorization.js";
import { ruleTester } from "../../../helpers/rule-tester.js";

function project(files: Record<string, string>, reviewed: string) {
  return { apprenticeProject: { contents: new Map(Object.entries(files)), reviewed: new Set([reviewed]) } };
}

const statsRoute = (middleware: string) =>
  `app.get('/internal/metrics'${middleware}, async () => ({ orders: await db.order.count(), users: await db.user.findMany() }));`;

describe("missing-authorization: private reads with no auth in the chain", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      { code: statsRoute(", { onRequest: [app.authenticate] }") },
      { code: `app.addHook('onRequest', app.verifyJwt);\n${statsRoute("")}` },
      // A router whose prefix is admin, behind a router-level guard.
      {
        code: "const staff = new Router({ prefix: '/admin' });\nstaff.use(requireLogin, requireRole('staff'));\nstaff.get('/people', async (ctx) => { ctx.body = await Person.findAll(); });",
      },
      // Public by nature: health and a public catalog.
      { code: "router.get('/health', async (req, res) => res.json({ up: await db.query('select 1') }));" },
      { code: "router.get('/products/:id', async (req, res) => res.json(await Product.findById(req.params.id)));" },
      // A user by id is often a public profile: no finding for a read.
      { code: "router.get('/members/:id', async (req, res) => res.json(await Member.findById(req.params.id)));" },
      // An admin path that reads no stored data.
      { code: "router.get('/admin/ping-page', (req, res) => res.render('admin-ping'));" },
      // Another file of the review mounts this router behind auth.
      {
        code: "const reports = express.Router();\nreports.get('/admin/sales', async (req, res) => res.json(await Sale.find()));\nmodule.exports = reports;",
        filename: "src/routes/reports.js",
        settings: project(
          {
            "src/routes/reports.js": "",
            "src/app.js": "const reports = require('./routes/reports');\napp.use('/reports', requireAdmin, reports);",
          },
          "src/routes/reports.js",
        ),
      },
      // The handler asks who is calling.
      {
        code: "router.get('/invoices/:id', async (req, res) => { if (!req.user) return res.sendStatus(401); res.json(await Invoice.findOne({ _id: req.params.id, owner: req.user.id })); });",
      },
    ],
    invalid: [
      { code: statsRoute(""), errors: [{ messageId: "privateRead", line: 1 }] },
      {
        code: "const staff = new Router({ prefix: '/admin' });\nstaff.get('/people', async (ctx) => { ctx.body = await Person.findAll({ limit: 20 }); });",
        errors: [{ messageId: "privateRead", line: 2 }],
      },
      {
        code: "router.get('/customers/:id/export', async (req, res) => { const rows = await Customer.findById(req.params.id); res.send(toCsv(rows)); });",
        errors: [{ messageId: "privateRead" }],
      },
      // A private record by a request id, no login anywhere in the file: actionable (privateReadNoLogin).
      {
        code: "app.get('/payments/:id', async (request) => app.db.payment.findUnique({ where: { id: request.params.id } }));",
        errors: [{ messageId: "privateReadNoLogin" }],
      },
      // The same read next to a route that logs in: the file has auth, this route does not (essential).
      {
        code: "app.post('/payments', { preHandler: app.authenticate }, create);\napp.get('/payments/:id', async (request) => app.db.payment.findUnique({ where: { id: request.params.id } }));",
        errors: [{ messageId: "privateRead", line: 2 }],
      },
      // An imported handler under an admin path, next to one that has a role check.
      {
        code: "extra.get('/admin/backups/download', downloadBackups);\nextra.get('/admin/users/download', requireAdmin, downloadUsers);",
        errors: [{ messageId: "privateRead", line: 1 }],
      },
      // An app-wide `use` of something that is not auth mounts nothing in front.
      {
        code: "const reports = express.Router();\nreports.get('/admin/sales', async (req, res) => res.json(await Sale.find()));\nmodule.exports = reports;",
        filename: "src/routes/reports.js",
        settings: project(
          { "src/routes/reports.js": "", "src/app.js": "app.use(express.json());\napp.use('/reports', reports);" },
          "src/routes/reports.js",
        ),
        errors: [{ messageId: "privateRead" }],
      },
    ],
  });
});

describe("missing-authorization: NestJS controllers with no guard at all", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      {
        code: "@Controller('admin')\n@UseGuards(SessionGuard)\nclass AdminController {\n  @Get('orders')\n  all() { return this.orders.find(); }\n}",
      },
      {
        code: "@Controller('appointments')\nclass AppointmentsController {\n  @Get(':id')\n  @Roles('doctor')\n  one(@Param('id') id: string) { return this.appointments.findById(id); }\n}",
      },
      // A global guard in the review (main.ts) covers every controller.
      {
        code: "@Controller('admin')\nclass AdminController {\n  @Get('orders')\n  all() { return this.orders.find(); }\n}",
        filename: "src/admin/admin.controller.ts",
        settings: project(
          { "src/admin/admin.controller.ts": "", "src/main.ts": "app.useGlobalGuards(new SessionGuard());" },
          "src/admin/admin.controller.ts",
        ),
      },
      // A public catalog by id.
      {
        code: "@Controller('books')\nclass BooksController {\n  @Get(':id')\n  one(@Param('id') id: string) { return this.books.findById(id); }\n}",
      },
    ],
    invalid: [
      {
        code: "@Controller('admin')\nclass AdminController {\n  @Get('orders')\n  all() { return this.orders.find({}, { total: 1, email: 1 }); }\n}",
        errors: [{ messageId: "nestPrivateRead", line: 3 }],
      },
      {
        code: "@Controller('appointments')\nclass AppointmentsController {\n  @Get(':id')\n  one(@Param('id') id: string) { return this.appointments.findById(id); }\n}",
        errors: [{ messageId: "nestPrivateRead", line: 3 }],
      },
    ],
  });
});

const nextExport =
  "export async function GET() {\n  const rows = await db.order.findMany({ select: { id: true, total: true } });\n  return Response.json(rows);\n}";

describe("missing-authorization: Next.js route handlers and Lambda handlers", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      {
        code: `import { auth } from '@/auth';\nexport async function GET() {\n  const who = await auth();\n  if (who?.user?.role !== 'admin') return new Response(null, { status: 403 });\n  return Response.json(await db.order.findMany());\n}`,
        filename: "app/api/admin/orders/route.ts",
      },
      // Not a private path.
      { code: nextExport, filename: "app/api/catalog/route.ts" },
      // A middleware.ts in the review checks the session first.
      {
        code: nextExport,
        filename: "app/api/admin/orders/route.ts",
        settings: project(
          {
            "app/api/admin/orders/route.ts": nextExport,
            "middleware.ts": "export { auth as middleware } from './auth';",
          },
          "app/api/admin/orders/route.ts",
        ),
      },
      {
        code: "exports.handler = async (event) => {\n  const who = event.requestContext.authorizer.jwt.claims.sub;\n  const { orderId } = event.pathParameters;\n  return db.send(new GetCommand({ Key: { id: orderId, customer: who } }));\n};",
      },
      // Not a private record.
      {
        code: "exports.handler = async (event) => db.send(new GetCommand({ Key: { id: event.pathParameters.productId } }));",
      },
    ],
    invalid: [
      {
        code: nextExport,
        filename: "app/api/admin/orders/route.ts",
        errors: [{ messageId: "privateRead", line: 1 }],
      },
      {
        code: "const db = client();\nexports.handler = async (event) => {\n  const { orderId } = event.pathParameters;\n  return db.send(new GetCommand({ Key: { id: orderId } }));\n};",
        errors: [{ messageId: "lambdaUnchecked", line: 2 }],
      },
      {
        code: "export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(await payments.get(event.queryStringParameters.paymentId)) });",
        errors: [{ messageId: "lambdaUnchecked", line: 1 }],
      },
    ],
  });
});

describe("missing-authorization: REST generators and selectors from the body", () => {
  ruleTester.run("missing-authorization", missingAuthorization.rule, {
    valid: [
      {
        code: "import erm from 'express-restify-mongoose';\nerm.serve(router, Order, { preMiddleware: ensureStaff });",
      },
      { code: "const erm = require('express-restify-mongoose');\nrouter.use(requireAuth);\nerm.serve(router, Order);" },
      // `serve` of something else.
      { code: "const serveStatic = require('serve-static');\nstatic.serve(router, 'public');" },
      {
        code: "router.put('/settings', requireAuth, async (req, res) => { const { theme } = req.body; await Settings.updateOne({ userId: req.user.id }, { theme: String(theme) }); res.end(); });",
      },
      // A role check in the chain: a moderator assigning a task to the user the body names, by design.
      {
        code: "fastify.post('/:id/assign', { preHandler: (request, reply) => request.isModerator(reply) }, async (request) => { const { userId } = request.body; return tasks.update(request.params.id, { assigned_user_id: userId }); });",
      },
      {
        code: "router.put('/accounts/owner', requireRole('admin'), async (req, res) => { await Account.updateOne({ ownerId: req.body.ownerId }, { plan: 'pro' }); res.end(); });",
      },
      // A body id that is not an owner (the item to add), the owner from the session.
      {
        code: "router.post('/cart/items', async (req, res) => { await Cart.updateOne({ owner: req.session.userId }, { $push: { items: String(req.body.productId) } }); res.end(); });",
      },
    ],
    invalid: [
      {
        code: "const erm = require('express-restify-mongoose');\nerm.serve(router, Order, { prefix: '/api' });",
        errors: [{ messageId: "restGenerator", line: 2 }],
      },
      {
        code: "router.put('/settings', requireAuth, async (req, res) => { const { ownerId, theme } = req.body; await Settings.updateOne({ ownerId }, { theme: String(theme) }); res.end(); });",
        errors: [{ messageId: "bodySelector" }],
      },
      {
        code: "router.post('/phone', async (req, res) => { await accounts.changePhone(req.body.accountId, String(req.body.phone)); res.end(); });",
        errors: [{ messageId: "bodySelector" }],
      },
      {
        code: "router.patch('/prefs', authenticate, async (ctx) => { const { customer_id: customer, lang } = ctx.request.body; await knex('prefs').where({ customer_id: customer }).update({ lang: String(lang) }); });",
        errors: [{ messageId: "bodySelector" }],
      },
    ],
  });
});
