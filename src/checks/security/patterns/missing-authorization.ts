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
import type * as ESTree from "estree";
import type { EslintCheck } from "../../check.js";
import { functionName } from "../../shared/ast/functions.js";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import { staticString } from "../../shared/ast/static-values.js";
import { FASTIFY_HOOKS, isAuthMiddleware, PUBLIC_ROUTE } from "./auth-middleware.js";

const MUTATING = new Set(["post", "put", "patch", "delete", "del"]);
const ROUTE_METHODS = new Set([...MUTATING, "get", "all", "head", "options"]);
/** Objects that send requests rather than receive them. */
const CLIENTS = /axios|http|client|fetch|request|supertest|agent|api$|^api|got|ky|superagent|cache|map|set|store|redis|storage|params|headers|searchParams|formData|\$http/i;
const NEST_MUTATING = new Set(["Post", "Put", "Patch", "Delete"]);
const NEST_GUARD = /^(UseGuards|Auth|Authorized|Roles|Role|RequireAuth|Authenticated|Permissions|RequirePermissions|ApiBearerAuth|Protected|Admin)$/;
const NEST_PUBLIC = /^(Public|AllowAnonymous|SkipAuth|IsPublic|NoAuth|Anonymous)$/;

/** Calls that read or write a stored record. */
const DATA_ACCESS = /^(find(ById|ByPk|One|Unique|First|OneAnd\w+|ByIdAnd\w+)|update(One|Many)?|delete(One|Many)?|destroy|remove|upsert|replaceOne|query|execute|findAndModify)$/;
const REQUEST = /^(req|request|ctx|context)$/;
/** Who is asking: `req.user`, `req.session`, `res.locals.user`, `ctx.state.user`, `request.auth`. */
const IDENTITY = /^(user|session|auth|currentUser|account|userId|claims|principal)$/;
/** Helpers that return the signed-in user: `currentUser(res)`, `getSessionUser(req)`, `authUser`. */
const CURRENT_USER = /^(get)?(current|session|auth|authenticated|logged(In)?|signed(In)?)User$/i;
/** Records that belong to people: an unauthenticated route changing one by id is always wrong. */
const PERSONAL = /user|account|owner|member|customer|profile|employee|admin|benefit|payment|invoice|order/i;

/** Middleware that authorizes (role, ownership, permission), not only authenticates. */
const AUTHORIZING = /admin|role|permission|owner|authori[sz]|policy|ability|acl|\bcan[A-Z_]|staff|superuser|manager/i;

type Range = [number, number];

interface Route {
  report: ESTree.Node;
  middlewares: ESTree.Node[];
  handlerNode: ESTree.Node | undefined;
  method: string;
  path: string;
  handler: string;
  hasAuth: boolean;
  position: number;
}

function routePath(node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = staticString(node);
  if (value !== undefined) return value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(":param");
  return undefined;
}

function handlerName(node: ESTree.Node | undefined): string {
  if (!node) return "";
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return keyName(node.property, node.computed) ?? "";
  if (node.type === "CallExpression") return handlerName(node.arguments[0] as ESTree.Node | undefined) || (calleeName(node) ?? "");
  return "";
}

function decoratorName(decorator: { expression: ESTree.Node }): string | undefined {
  const expression = decorator.expression;
  if (expression.type === "CallExpression") return calleeName(expression);
  if (expression.type === "Identifier") return expression.name;
  return undefined;
}

type Decorated = { decorators?: { expression: ESTree.Node }[] };

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
    const routes: Route[] = [];
    const coverage: number[] = [];
    const authExamples: string[] = [];
    const authorizingCoverage: number[] = [];
    const dataCalls: { args: Range[] }[] = [];
    const requestIds: Range[] = [];
    const idNames: Range[] = [];
    const identities: Range[] = [];
    const personalIds: { range: Range }[] = [];
    const functionsByName = new Map<string, Range>();
    const rangeOf = (node: ESTree.Node): Range => node.range ?? [0, 0];
    const inside = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1];

    function handlerRange(route: Route): Range | undefined {
      const handler = route.handlerNode;
      if (!handler) return undefined;
      if (handler.type === "FunctionExpression" || handler.type === "ArrowFunctionExpression") return rangeOf(handler);
      return route.handler ? functionsByName.get(route.handler) : undefined;
    }

    /** The handler reads or writes a record by a request-supplied id and never looks at the caller's identity. */
    function isUncheckedIdAccess(route: Route): boolean {
      const range = handlerRange(route);
      if (!range) return false;
      if (!requestIds.some((ref) => inside(ref, range))) return false;
      if (identities.some((ref) => inside(ref, range))) return false;
      return dataCalls.some(
        (call) => call.args.some((arg) => inside(arg, range)) && call.args.some((arg) => requestIds.some((ref) => inside(ref, arg)) || idNames.some((ref) => inside(ref, arg))),
      );
    }

    function recordFunction(node: ESTree.Function): void {
      const name = functionName(node);
      if (name && !functionsByName.has(name)) functionsByName.set(name, rangeOf(node));
    }

    function addRoute(report: ESTree.Node, method: string, path: string, middlewares: ESTree.Node[], handler: ESTree.Node | undefined, position: number): void {
      const hasAuth = middlewares.some((middleware) => isAuthMiddleware(middleware));
      if (hasAuth) {
        const example = middlewares.find((middleware) => isAuthMiddleware(middleware));
        if (example) authExamples.push(context.sourceCode.getText(example).slice(0, 40));
      }
      routes.push({ report, middlewares, handlerNode: handler, method, path, handler: handlerName(handler), hasAuth, position });
    }

    return {
      FunctionDeclaration: recordFunction,
      FunctionExpression: recordFunction,
      ArrowFunctionExpression: recordFunction,
      Identifier(node) {
        if (/(^id|Id|_id|ID)$/.test(node.name)) idNames.push(rangeOf(node));
        if (CURRENT_USER.test(node.name)) identities.push(rangeOf(node));
      },
      MemberExpression(node) {
        const property = keyName(node.property, node.computed);
        if (!property) return;
        const owner = dottedName(node.object) ?? "";
        const base = owner.split(".")[0] ?? "";
        if (IDENTITY.test(property) && (REQUEST.test(owner) || owner === "res.locals" || owner.endsWith(".state"))) identities.push(rangeOf(node));
        if (REQUEST.test(base) && (owner.endsWith(".params") || (/(^id|Id|_id|ID)$/.test(property) && /\.(body|query|request\.body)$/.test(owner)))) requestIds.push(rangeOf(node));
        if (REQUEST.test(base) && /(^id|Id|_id|ID)$/.test(property) && PERSONAL.test(property)) personalIds.push({ range: rangeOf(node) });
        if (property === "params" && REQUEST.test(owner)) requestIds.push(rangeOf(node));
      },
      CallExpression(node) {
        if (node.callee.type !== "MemberExpression") return;
        const accessName = keyName(node.callee.property, node.callee.computed);
        if (accessName && DATA_ACCESS.test(accessName) && !REQUEST.test(dottedName(node.callee.object) ?? "")) dataCalls.push({ args: node.arguments.map((arg) => rangeOf(arg)) });
        const method = keyName(node.callee.property, node.callee.computed)?.toLowerCase();
        if (!method) return;
        const objectNode = node.callee.object;
        const objectName = dottedName(objectNode) ?? "";
        const position = node.range?.[0] ?? 0;

        if (method === "use" || method === "addhook") {
          const [first, ...rest] = node.arguments;
          const hookName = staticString(first);
          const middlewares = method === "addhook" ? (hookName && FASTIFY_HOOKS.has(hookName) ? rest : []) : routePath(first) !== undefined ? rest : node.arguments;
          if (middlewares.some((middleware) => isAuthMiddleware(middleware))) coverage.push(position);
          if (middlewares.some((middleware) => AUTHORIZING.test(context.sourceCode.getText(middleware)))) authorizingCoverage.push(position);
          return;
        }
        if (method === "route" && node.arguments.length === 1 && node.arguments[0]?.type === "ObjectExpression") {
          // fastify.route({ method: "POST", url: "/items", preHandler: [...], handler })
          const options = node.arguments[0];
          const get = (name: string) => options.properties.find((p): p is ESTree.Property => p.type === "Property" && keyName(p.key, p.computed) === name);
          const methods = get("method")?.value;
          const names = methods?.type === "ArrayExpression" ? methods.elements.map((element) => staticString(element as ESTree.Node)) : [staticString(methods)];
          const path = routePath(get("url")?.value ?? get("path")?.value);
          const mutating = names.find((name) => name && MUTATING.has(name.toLowerCase()));
          if (path !== undefined && mutating) addRoute(node, mutating.toLowerCase(), path, [options], get("handler")?.value, position);
          else if (path !== undefined && isAuthMiddleware(options)) addRoute(node, "get", path, [options], undefined, position);
          return;
        }
        if (!ROUTE_METHODS.has(method) || CLIENTS.test(objectName)) return;
        let path: string | undefined;
        let args = node.arguments as ESTree.Node[];
        // router.route("/items/:id").get(...).delete(...): walk down the chain to the route() call.
        let chained: ESTree.Node = objectNode;
        while (chained.type === "CallExpression" && chained.callee.type === "MemberExpression" && ROUTE_METHODS.has(keyName(chained.callee.property, chained.callee.computed)?.toLowerCase() ?? "")) {
          chained = chained.callee.object;
        }
        if (chained.type === "CallExpression" && calleeName(chained) === "route") {
          path = routePath(chained.arguments[0] as ESTree.Node | undefined);
        } else if (chained !== objectNode) {
          return;
        } else {
          path = routePath(args[0]);
          args = args.slice(1);
        }
        if (path === undefined || args.length === 0) return;
        if (!/^[/*]|^$/.test(path)) return;
        const handler = args[args.length - 1];
        addRoute(node.callee.property, method, path, args.slice(0, -1), handler, position);
      },
      ClassDeclaration(node) {
        const decorated = node as unknown as Decorated;
        const classDecorators = (decorated.decorators ?? []).map(decoratorName);
        if (!classDecorators.includes("Controller")) return;
        if (classDecorators.some((name) => name && NEST_GUARD.test(name))) return;
        const methods = node.body.body.filter((member): member is ESTree.MethodDefinition => member.type === "MethodDefinition");
        const guarded = methods.filter((member) => ((member as unknown as Decorated).decorators ?? []).some((decorator) => NEST_GUARD.test(decoratorName(decorator) ?? "")));
        if (guarded.length === 0) return;
        for (const member of methods) {
          const decorators = (member as unknown as Decorated).decorators ?? [];
          const names = decorators.map(decoratorName);
          const route = decorators.find((decorator) => NEST_MUTATING.has(decoratorName(decorator) ?? ""));
          if (!route || guarded.includes(member) || names.some((name) => name && NEST_PUBLIC.test(name))) continue;
          const handler = keyName(member.key, member.computed) ?? "";
          const path = route.expression.type === "CallExpression" ? (routePath(route.expression.arguments[0] as ESTree.Node | undefined) ?? "") : "";
          if (PUBLIC_ROUTE.test(path) || PUBLIC_ROUTE.test(handler)) continue;
          context.report({ node: route.expression, messageId: "missingGuard", data: { method: `@${decoratorName(route)}`, handler } });
        }
      },
      "Program:exit"() {
        const fileHasAuth = coverage.length > 0 || routes.some((route) => route.hasAuth) || identities.length > 0;
        const personalIdIn = (route: Route): boolean => {
          const range = handlerRange(route);
          return range !== undefined && personalIds.some((ref) => inside(ref.range, range));
        };
        const reported = new Set<Route>();
        for (const route of routes) {
          if (PUBLIC_ROUTE.test(route.path) || PUBLIC_ROUTE.test(route.handler)) continue;
          const authenticated = route.hasAuth || coverage.some((position) => position < route.position);
          if (!MUTATING.has(route.method) && !authenticated) continue;
          // Without any auth in the file (a single-user or catalog API), only records that belong to people count.
          if (!authenticated && !fileHasAuth && !PERSONAL.test(route.path) && !personalIdIn(route)) continue;
          if (route.middlewares.some((middleware) => AUTHORIZING.test(context.sourceCode.getText(middleware)))) continue;
          if (authorizingCoverage.some((position) => position < route.position)) continue;
          if (!isUncheckedIdAccess(route)) continue;
          reported.add(route);
          const verb = route.method === "delete" || route.method === "del" ? "delete" : MUTATING.has(route.method) ? "change" : "read";
          context.report({ node: route.report, messageId: "noOwnerCheck", data: { method: route.method.toUpperCase(), path: route.path || "/", verb } });
        }
        if (!routes.some((route) => route.hasAuth)) return;
        const example = authExamples[0] ?? "requireAuth";
        for (const route of routes) {
          if (reported.has(route)) continue;
          if (route.hasAuth || !MUTATING.has(route.method)) continue;
          if (PUBLIC_ROUTE.test(route.path) || PUBLIC_ROUTE.test(route.handler)) continue;
          if (coverage.some((position) => position < route.position)) continue;
          const verb = route.method === "delete" || route.method === "del" ? "delete" : route.method === "post" ? "create" : "change";
          context.report({ node: route.report, messageId: "missingAuth", data: { example, method: route.method.toUpperCase(), path: route.path || "/", verb } });
        }
      },
    };
  },
};

export const missingAuthorization: EslintCheck = {
  kind: "eslint",
  id: "missing-authorization",
  criterion: "security",
  description: "State-changing routes without the auth middleware the rest of the file uses, and routes that look a record up by a request id without checking who asks (IDOR).",
  defaultLevel: "essential",
  category: "missing-authorization",
  rule,
};
