/**
 * missing-authorization: a mutating route (POST/PUT/PATCH/DELETE) with no auth middleware, in a file whose
 * other routes use one. Express/Koa routers (`router.delete("/:id", requireAuth, handler)`), Fastify
 * (`preHandler`, `onRequest`, `fastify.route({...})`) and NestJS controllers (`@UseGuards`). Routes covered
 * by an earlier `router.use(auth)` / `addHook("onRequest", auth)` and public routes (login, register,
 * password reset, webhooks, health) are exempt.
 *
 * It also reports a route whose handler reads or changes a record by an id from the request
 * (`Order.findById(req.params.id)`, `UPDATE ... WHERE id = $1` with `req.body.userId`) and never looks at
 * who is asking (`req.user`, `req.session`, `res.locals.user`, `ctx.state.user`), unless a role/owner
 * middleware guards it: a logged-in user could then read or change anybody's record (IDOR).
 */
import type { Rule } from "eslint";
import type { EslintCheck } from "../../../contract/check.js";
import { reportUnguardedNestRoutes } from "./missing-authorization/nest-guards.js";
import { OwnerFacts } from "./missing-authorization/owner-facts.js";
import { reportMissingAuth, reportUncheckedOwners } from "./missing-authorization/report-routes.js";
import { RouteCollector } from "./missing-authorization/route-collector.js";

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Protect every state-changing route with the app's auth middleware." },
    messages: {
      missingAuth:
        "Add your auth middleware (as on this file's other routes, e.g. `{{example}}`) to `{{method}} {{path}}`. Without it, anyone who can reach the server can {{verb}} data, no login needed.",
      noOwnerCheck:
        "`{{method}} {{path}}` looks a record up by an id from the request but never checks who is asking (`req.user`, the session) or their role. Any logged-in user (or anyone) could {{verb}} someone else's data by changing the id: check that the record belongs to the user, or add a role check.",
      missingGuard:
        "Add `@UseGuards(...)` (as on this controller's other routes) to `{{method}}` handler `{{handler}}`. Without a guard, anyone can call it without logging in.",
    },
    schema: [],
  },
  create(context) {
    const routes = new RouteCollector(context);
    const facts = new OwnerFacts();
    const noteFunction = facts.noteFunction.bind(facts);
    return {
      FunctionDeclaration: noteFunction,
      FunctionExpression: noteFunction,
      ArrowFunctionExpression: noteFunction,
      Identifier: (node) => facts.noteIdentifier(node),
      MemberExpression: (node) => facts.noteMember(node),
      CallExpression(node) {
        facts.noteCall(node);
        routes.noteCall(node);
      },
      ClassDeclaration: (node) => reportUnguardedNestRoutes(context, node),
      "Program:exit"() {
        reportMissingAuth(context, routes, reportUncheckedOwners(context, routes, facts));
      },
    };
  },
};

export const missingAuthorization: EslintCheck = {
  kind: "eslint",
  id: "missing-authorization",
  criterion: "security",
  description:
    "State-changing routes without the auth middleware the rest of the file uses, and routes that look a record up by a request id without checking who asks (IDOR).",
  defaultLevel: "essential",
  category: "missing-authorization",
  rule,
};
