import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { calleeName, dottedName, keyName } from "../../../shared/ast/names.js";
import { staticString } from "../../../shared/ast/static-values.js";
import { FASTIFY_HOOKS, isAuthMiddleware } from "../auth-middleware.js";
import { authorizes, handlerName, MUTATING, routePath } from "./route-syntax.js";

const ROUTE_METHODS = new Set([...MUTATING, "get", "all", "head", "options"]);
/** Objects that send requests rather than receive them. */
const CLIENTS =
  /axios|http|client|fetch|request|supertest|agent|api$|^api|got|ky|superagent|cache|map|set|store|redis|storage|params|headers|searchParams|formData|\$http/i;

export interface Route {
  report: ESTree.Node;
  middlewares: ESTree.Node[];
  handlerNode: ESTree.Node | undefined;
  method: string;
  path: string;
  handler: string;
  hasAuth: boolean;
  position: number;
}

/**
 * The routes of a file as the rule visits its calls: Express/Koa `router.post(path, ...middleware, handler)`,
 * `router.route(path).delete(...)`, Fastify `fastify.route({...})`, and where `app.use(auth)` or
 * `addHook("onRequest", auth)` starts covering the routes after it.
 */
export class RouteCollector {
  readonly routes: Route[] = [];
  /** Positions of `use`/`addHook` calls that authenticate every later route. */
  readonly coverage: number[] = [];
  /** Positions of `use`/`addHook` calls that authorize (role, owner) every later route. */
  readonly authorizingCoverage: number[] = [];
  /** How this file's authenticated routes spell their middleware, for the message. */
  readonly authExamples: string[] = [];

  constructor(private readonly context: Rule.RuleContext) {}

  noteCall(node: ESTree.CallExpression): void {
    if (node.callee.type !== "MemberExpression") return;
    const method = keyName(node.callee.property, node.callee.computed)?.toLowerCase();
    if (!method) return;
    const position = node.range?.[0] ?? 0;
    if (method === "use" || method === "addhook") this.noteCoverage(node, method, position);
    else if (method === "route" && node.arguments.length === 1 && node.arguments[0]?.type === "ObjectExpression")
      this.noteFastifyRoute(node, node.arguments[0], position);
    else if (ROUTE_METHODS.has(method) && !CLIENTS.test(dottedName(node.callee.object) ?? ""))
      this.noteMethodRoute(node, node.callee, method, position);
  }

  private noteCoverage(node: ESTree.CallExpression, method: string, position: number): void {
    const [first, ...rest] = node.arguments;
    const hookName = staticString(first);
    const middlewares =
      method === "addhook"
        ? hookName && FASTIFY_HOOKS.has(hookName)
          ? rest
          : []
        : routePath(first) !== undefined
          ? rest
          : node.arguments;
    if (middlewares.some((middleware) => isAuthMiddleware(middleware))) this.coverage.push(position);
    if (middlewares.some((middleware) => authorizes(this.context.sourceCode, middleware)))
      this.authorizingCoverage.push(position);
  }

  /** fastify.route({ method: "POST", url: "/items", preHandler: [...], handler }) */
  private noteFastifyRoute(node: ESTree.CallExpression, options: ESTree.ObjectExpression, position: number): void {
    const get = (name: string) =>
      options.properties.find(
        (p): p is ESTree.Property => p.type === "Property" && keyName(p.key, p.computed) === name,
      );
    const methods = get("method")?.value;
    const names =
      methods?.type === "ArrayExpression"
        ? methods.elements.map((element) => staticString(element as ESTree.Node))
        : [staticString(methods)];
    const path = routePath(get("url")?.value ?? get("path")?.value);
    const mutating = names.find((name) => name && MUTATING.has(name.toLowerCase()));
    if (path !== undefined && mutating)
      this.add(node, mutating.toLowerCase(), path, [options], get("handler")?.value, position);
    else if (path !== undefined && isAuthMiddleware(options))
      this.add(node, "get", path, [options], undefined, position);
  }

  private noteMethodRoute(
    node: ESTree.CallExpression,
    callee: ESTree.MemberExpression,
    method: string,
    position: number,
  ): void {
    const objectNode = callee.object;
    let path: string | undefined;
    let args = node.arguments as ESTree.Node[];
    // router.route("/items/:id").get(...).delete(...): walk down the chain to the route() call.
    let chained: ESTree.Node = objectNode;
    while (
      chained.type === "CallExpression" &&
      chained.callee.type === "MemberExpression" &&
      ROUTE_METHODS.has(keyName(chained.callee.property, chained.callee.computed)?.toLowerCase() ?? "")
    ) {
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
    this.add(callee.property, method, path, args.slice(0, -1), handler, position);
  }

  private add(
    report: ESTree.Node,
    method: string,
    path: string,
    middlewares: ESTree.Node[],
    handler: ESTree.Node | undefined,
    position: number,
  ): void {
    const example = middlewares.find((middleware) => isAuthMiddleware(middleware));
    if (example) this.authExamples.push(this.context.sourceCode.getText(example).slice(0, 40));
    this.routes.push({
      report,
      middlewares,
      handlerNode: handler,
      method,
      path,
      handler: handlerName(handler),
      hasAuth: example !== undefined,
      position,
    });
  }

  /** True when an earlier `use`/`addHook` authenticates this route. */
  coveredBefore(route: Route): boolean {
    return this.coverage.some((position) => position < route.position);
  }
}
