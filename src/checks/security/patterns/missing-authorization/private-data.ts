/**
 * Private data served with no auth anywhere in the route's chain: an Express/Koa/Fastify GET under an admin,
 * internal, metrics, stats or export path (the router's `prefix` included) that reads the data store, or that
 * looks a personal record up by a request id; a Next.js route handler under such a path that never asks who
 * is calling; an AWS Lambda handler reading a personal record by a path or query id without the authorizer's
 * claims. The rule's other passes cover state-changing routes (report-routes.ts) and NestJS controllers
 * (nest-guards.ts, nest-reads.ts).
 *
 * "Anywhere in the chain": the route's own middleware, an earlier `use`/`addHook`, a Fastify `onRequest` or
 * `preHandler`, a file of the review that mounts this file's router behind auth, or a Next.js `middleware`.
 */
import { escapeRegExp } from "../../../shared/escape-reg-exp.js";
import { posix } from "node:path";
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { projectFilesOf } from "../../../../contract/check.js";
import { dottedName, keyName } from "../../../shared/ast/names.js";
import { staticString } from "../../../shared/ast/static-values.js";
import type { OwnerFacts } from "./owner-facts.js";
import { publicRouteReason } from "./public-route.js";
import type { Route, RouteCollector } from "./route-collector.js";
import { MUTATING, rangeOf } from "./route-syntax.js";
import { callsIn, identityReadIn, walk } from "./handler-scan.js";

/** Path segments that name a private resource: admin screens, internal stats, metrics, exports, backups, audit logs. */
export const PRIVATE_SEGMENT =
  /(?:^|\/)(?:admin|internal|metrics|stats|statistics|exports?|backups?|audit(?:-logs?)?)(?:\/|$|[-_.])/i;
/**
 * Records private by nature, read by id: money, health, addresses and messages. (A user or member by id is often
 * a public profile; PERSONAL covers those for the routes that change them.)
 */
export const PRIVATE_RECORD =
  /invoice|order|payment|billing|transaction|receipt|statement|payroll|salary|patient|medical|prescription|appointment|address|message/i;
/** Calls that read stored records (an ORM, a query builder, a driver). */
const DATA_READ = /^(find\w*|aggregate|count|query|execute|select|all|scan|getAll|getMany)$/;
/** An auth call or value in a Next.js route handler's file: `auth()`, `getServerSession`, `getToken`, `cookies()`. */
const NEXT_AUTH = /auth|session|token|currentUser|getUser|clerk|verify|cookies|jwt|bearer|authorization/i;
/** A file of the review that authenticates a mount or everything after it: `app.use("/admin", requireAuth, admin)`. */
const MOUNT_AUTH = /auth|jwt|guard|protect|loggedin|admin|requirerole|permission|passport|requireuser|ensureuser/i;

const SCRIPT = /\.[cm]?[jt]sx?$/;

/** The `prefix` of the router a route is registered on: `new Router({ prefix: "/admin" })`. */
export function routerPrefixes(program: ESTree.Program, context: Rule.RuleContext): Map<string, string> {
  const prefixes = new Map<string, string>();
  walk(program, context, (node) => {
    if (node.type !== "VariableDeclarator" || node.id.type !== "Identifier" || node.init?.type !== "NewExpression")
      return;
    const options = node.init.arguments[0];
    if (options?.type !== "ObjectExpression") return;
    for (const property of options.properties)
      if (property.type === "Property" && keyName(property.key, property.computed) === "prefix") {
        const prefix = staticString(property.value);
        if (prefix) prefixes.set(node.id.name, prefix);
      }
  });
  return prefixes;
}

function routerOf(route: Route): string | undefined {
  const parent = (route.report as ESTree.Node & { parent?: ESTree.Node }).parent;
  return parent?.type === "MemberExpression" ? dottedName(parent.object) : undefined;
}

function importBinding(content: string, stem: string): string[] {
  const escaped = escapeRegExp(stem);
  const tail = `["'][^"'\\n]*\\/${escaped}(?:\\.[cm]?[jt]s)?["']`;
  const found: string[] = [];
  for (const pattern of [
    new RegExp(`(?:const|let|var)\\s+(\\w+)\\s*=\\s*require\\(\\s*${tail}`, "g"),
    new RegExp(`import\\s+(\\w+)\\s+from\\s*${tail}`, "g"),
  ])
    for (const match of content.matchAll(pattern)) if (match[1]) found.push(match[1]);
  return found;
}

/**
 * True when another file of the review puts auth in front of this file's routes: a `use`/`register` line naming
 * auth and this file's import, or an app-wide `app.use(requireAuth)`.
 */
export function mountedBehindAuth(context: Rule.RuleContext): boolean {
  const project = projectFilesOf(context.settings);
  if (!project) return false;
  const stem = posix.basename(context.filename).replace(SCRIPT, "");
  for (const [path, content] of project.contents) {
    if (path === context.filename || !SCRIPT.test(path) || !/\.(use|register)\(/.test(content)) continue;
    const bindings = importBinding(content, stem === "index" ? posix.basename(posix.dirname(context.filename)) : stem);
    for (const line of content.split("\n")) {
      const use = /(\w+)\.(?:use|register)\(([^)]*)/.exec(line);
      if (!use?.[2] || !MOUNT_AUTH.test(use[2])) continue;
      // `app.use(requireAuth)`: one middleware on the app, no path, covers every router mounted after it.
      if (/^(app|server|application|fastify)$/.test(use[1] ?? "") && /^\s*[\w.]+\s*$/.test(use[2])) return true;
      if (bindings.some((binding) => new RegExp(`\\b${binding}\\b`).test(line))) return true;
    }
  }
  return false;
}

/** A Next.js `middleware.ts` in the review (root or src/), which usually checks the session before any route. */
export function hasNextMiddleware(context: Rule.RuleContext): boolean {
  const project = projectFilesOf(context.settings);
  return [...(project?.contents.keys() ?? [])].some((path) => /^(?:src\/)?middleware\.[jt]s$/.test(path));
}

function handlerFunction(route: Route, functions: ReadonlyMap<string, ESTree.Function>): ESTree.Node | undefined {
  const handler = route.handlerNode;
  if (handler?.type === "FunctionExpression" || handler?.type === "ArrowFunctionExpression") return handler;
  return functions.get(route.handler);
}

/**
 * Reports the GET routes of the file that serve private data with no auth in their chain. `skip` holds the
 * routes another pass has reported.
 */
export function reportUnauthenticatedReads(
  context: Rule.RuleContext,
  collected: RouteCollector,
  facts: OwnerFacts,
  functions: ReadonlyMap<string, ESTree.Function>,
  skip: ReadonlySet<Route>,
): void {
  const program = context.sourceCode.ast as ESTree.Program;
  const candidates = collected.routes.filter(
    (route) => !skip.has(route) && !route.hasAuth && !collected.coveredBefore(route) && !MUTATING.has(route.method),
  );
  if (candidates.length === 0 || mountedBehindAuth(context)) return;
  const prefixes = routerPrefixes(program, context);
  // No login anywhere in the file: an API open by design, or one whose auth is still to come (a practice project).
  const fileHasAuth =
    collected.coverage.length > 0 || collected.routes.some((route) => route.hasAuth) || facts.identities.length > 0;
  for (const route of candidates) {
    const fullPath = `${prefixes.get(routerOf(route) ?? "") ?? ""}${route.path}`;
    const publicReason = publicRouteReason({
      method: route.method,
      path: fullPath,
      handler: route.handler,
      owner: context.filename,
    });
    if (publicReason !== undefined) continue;
    const handler = handlerFunction(route, functions);
    const readsStore =
      handler === undefined
        ? route.handlerNode?.type === "Identifier" || route.handlerNode?.type === "MemberExpression"
        : callsIn(handler, context).some((call) => DATA_READ.test(call.method));
    const privatePath = PRIVATE_SEGMENT.test(fullPath) && readsStore;
    const personalById =
      facts.isUncheckedIdAccess(route) && (PRIVATE_RECORD.test(fullPath) || facts.readsPersonalId(route));
    if (!privatePath && !personalById) continue;
    if (handler && identityReadIn(handler, context)) continue;
    context.report({
      node: route.report,
      messageId: privatePath || fileHasAuth ? "privateRead" : "privateReadNoLogin",
      data: { method: route.method.toUpperCase(), path: fullPath || "/" },
    });
  }
}

/** The URL path of a Next.js route handler from its file: `app/api/admin/users/export/route.ts` -> `/api/admin/users/export`. */
export function nextRoutePath(filename: string): string | undefined {
  const normalized = filename.replaceAll("\\", "/");
  const app = /(?:^|\/)(?:src\/)?app((?:\/[^/]+)*)\/route\.[jt]sx?$/.exec(normalized);
  if (app) return app[1] || "/";
  const pages = /(?:^|\/)(?:src\/)?pages(\/api(?:\/[^/]+)*?)(?:\/index)?\.[jt]sx?$/.exec(normalized);
  return pages?.[1];
}

const HTTP_EXPORT = /^(GET|HEAD)$/;

/** Next.js: a GET route handler under a private path that reads the data store and never asks who is calling. */
export function reportUnauthenticatedNextHandlers(context: Rule.RuleContext, program: ESTree.Program): void {
  const path = nextRoutePath(context.filename);
  if (path === undefined || !PRIVATE_SEGMENT.test(path)) return;
  // Any name in the code (not comments or strings) that asks for a session, a token or a cookie.
  if (context.sourceCode.ast.tokens.some((token) => token.type === "Identifier" && NEXT_AUTH.test(token.value))) return;
  if (hasNextMiddleware(context)) return;
  for (const statement of program.body) {
    if (statement.type !== "ExportNamedDeclaration" && statement.type !== "ExportDefaultDeclaration") continue;
    const declaration = statement.declaration as ESTree.Node | null | undefined;
    let fn: ESTree.Node | undefined;
    if (declaration?.type === "FunctionDeclaration" && HTTP_EXPORT.test(declaration.id.name)) fn = declaration;
    else if (declaration?.type === "VariableDeclaration")
      for (const declarator of declaration.declarations)
        if (declarator.id.type === "Identifier" && HTTP_EXPORT.test(declarator.id.name) && declarator.init)
          fn = declarator.init;
    // pages/api: `export default function handler(req, res)`.
    if (statement.type === "ExportDefaultDeclaration" && path.startsWith("/api")) fn = declaration ?? undefined;
    if (!fn || !callsIn(fn, context).some((call) => DATA_READ.test(call.method))) continue;
    context.report({ node: statement, messageId: "privateRead", data: { method: "GET", path } });
  }
}

/** Event members that carry a caller's identity in API Gateway: `event.requestContext.authorizer.jwt.claims`. */
const LAMBDA_IDENTITY = /requestContext|authorizer|claims|identity|principalId|cognito/;
const LAMBDA_ID_SOURCE = /^(pathParameters|queryStringParameters)$/;
const ID_NAME = /(^id|Id|_id|ID)$/;

/** The personal ids a Lambda handler takes from its event: `event.pathParameters.invoiceId`, `const { userId } = event.pathParameters`. */
function lambdaPersonalIds(fn: ESTree.Function, context: Rule.RuleContext): boolean {
  const event = fn.params[0];
  if (event?.type !== "Identifier") return false;
  let found = false;
  walk(fn.body, context, (node) => {
    if (node.type === "MemberExpression") {
      const owner = dottedName(node.object) ?? "";
      const property = keyName(node.property, node.computed) ?? "";
      const [base, source] = owner.split(".");
      if (base === event.name && LAMBDA_ID_SOURCE.test(source ?? "") && ID_NAME.test(property)) {
        if (PRIVATE_RECORD.test(property)) found = true;
      }
    }
    if (node.type === "VariableDeclarator" && node.id.type === "ObjectPattern" && node.init) {
      const init = dottedName(node.init) ?? "";
      const [base, source] = init.split(".");
      if (base !== event.name || !LAMBDA_ID_SOURCE.test(source ?? "")) return;
      for (const property of node.id.properties) {
        const name = property.type === "Property" ? keyName(property.key, property.computed) : undefined;
        if (name && ID_NAME.test(name) && PRIVATE_RECORD.test(name)) found = true;
      }
    }
  });
  return found;
}

function readsLambdaIdentity(fn: ESTree.Function, context: Rule.RuleContext): boolean {
  let found = false;
  walk(fn.body, context, (node) => {
    if (node.type === "MemberExpression" && LAMBDA_IDENTITY.test(keyName(node.property, node.computed) ?? ""))
      found = true;
  });
  return found;
}

const isFunctionNode = (node: ESTree.Node | null | undefined): node is ESTree.Function =>
  node?.type === "FunctionExpression" ||
  node?.type === "ArrowFunctionExpression" ||
  node?.type === "FunctionDeclaration";

/** AWS Lambda: `exports.handler = async (event) => ...` reading a personal record by an event id, never the authorizer's claims. */
export function reportUncheckedLambdaHandlers(context: Rule.RuleContext, program: ESTree.Program): void {
  const handlers: { report: ESTree.Node; fn: ESTree.Function }[] = [];
  walk(program, context, (node) => {
    if (node.type === "AssignmentExpression") {
      const target = dottedName(node.left) ?? "";
      if (/^(module\.)?exports\.handler$/.test(target) && isFunctionNode(node.right))
        handlers.push({ report: node, fn: node.right });
    }
    if (node.type === "ExportNamedDeclaration") {
      const declaration = node.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id?.name === "handler")
        handlers.push({ report: node, fn: declaration });
      if (declaration?.type === "VariableDeclaration")
        for (const declarator of declaration.declarations)
          if (
            declarator.id.type === "Identifier" &&
            declarator.id.name === "handler" &&
            isFunctionNode(declarator.init)
          )
            handlers.push({ report: node, fn: declarator.init });
    }
  });
  for (const { report, fn } of handlers) {
    if (!lambdaPersonalIds(fn, context) || readsLambdaIdentity(fn, context)) continue;
    if (callsIn(fn, context).length === 0) continue;
    context.report({ node: report, loc: rangeLoc(context, report), messageId: "lambdaUnchecked", data: {} });
  }
}

/** The first line of a node, so a finding on a whole handler sits on its `exports.handler =` line. */
function rangeLoc(context: Rule.RuleContext, node: ESTree.Node): ESTree.SourceLocation {
  const start = context.sourceCode.getLocFromIndex(rangeOf(node)[0]);
  return { start, end: { line: start.line, column: start.column + 1 } };
}
