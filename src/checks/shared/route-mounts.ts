import ts from "typescript";
import { stringProperty, stringValue } from "./string-value.js";

export interface RouteMount {
  /** The path prefix: `/tasks` in `app.use("/tasks", tasksRouter)`. */
  prefix: string;
  /** The variable mounted there: `tasksRouter`. */
  target: string;
  /** The variable it is mounted on (`app` in `app.use(...)`), when the mount is a method call. */
  on?: string;
}

function mountedName(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  // koa-router: app.use(router.routes()), api.use("/tasks", tasks.routes())
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
    return ["routes", "middleware"].includes(node.expression.name.text) ? node.expression.expression.text : undefined;
  }
  return undefined;
}

function withOn(mount: RouteMount, on: ts.Expression): RouteMount {
  return ts.isIdentifier(on) ? { ...mount, on: on.text } : mount;
}

function newRouterPrefix(node: ts.Expression): string | undefined {
  if (!ts.isNewExpression(node) && !ts.isCallExpression(node)) return undefined;
  const options = node.arguments?.[0];
  return options && ts.isObjectLiteralExpression(options) ? stringProperty(options, "prefix") : undefined;
}

/**
 * Where routers are mounted, read from syntax: Express and Koa `app.use("/tasks", tasksRouter)`, Hono
 * `app.route("/tasks", tasks)`, Fastify `app.register(tasksRoutes, { prefix: "/tasks" })`, and
 * koa-router's own `new Router({ prefix: "/tasks" })`.
 */
export function routeMounts(source: ts.SourceFile): RouteMount[] {
  const mounts: RouteMount[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const [first, ...rest] = node.arguments;
      if ((method === "use" || method === "route") && first) {
        const prefix = stringValue(first);
        // app.use(tasksRouter) mounts at the root.
        if (prefix === undefined && method === "use") {
          for (const argument of node.arguments) {
            const target = mountedName(argument);
            if (target) mounts.push(withOn({ prefix: "", target }, node.expression.expression));
          }
        }
        if (prefix?.startsWith("/")) for (const argument of rest) {
          const target = mountedName(argument);
          if (target) mounts.push(withOn({ prefix, target }, node.expression.expression));
        }
      } else if (method === "register" && first && rest[0] && ts.isObjectLiteralExpression(rest[0])) {
        const prefix = stringProperty(rest[0], "prefix");
        const target = mountedName(first);
        if (prefix?.startsWith("/") && target) mounts.push(withOn({ prefix, target }, node.expression.expression));
      }
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const prefix = newRouterPrefix(node.initializer);
      if (prefix?.startsWith("/")) mounts.push({ prefix, target: node.name.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return mounts;
}
