import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { memberCall } from "./ast/member-call.js";
import { walk } from "./ast/walk.js";
import { stringProperty, stringValue } from "./string-value.js";

export interface RouteMount {
  /** The path prefix: `/tasks` in `app.use("/tasks", tasksRouter)`. */
  prefix: string;
  /** The variable mounted there: `tasksRouter`. */
  target: string;
  /** The variable it is mounted on (`app` in `app.use(...)`), when the mount is a method call. */
  on?: string;
}

function mountedName(node: TSESTree.Node): string | undefined {
  if (node.type === "Identifier") return node.name;
  // koa-router: app.use(router.routes()), api.use("/tasks", tasks.routes())
  const call = memberCall(node);
  if (call && call.object.type === "Identifier")
    return ["routes", "middleware"].includes(call.name) ? call.object.name : undefined;
  return undefined;
}

function withOn(mount: RouteMount, on: TSESTree.Node): RouteMount {
  return on.type === "Identifier" ? { ...mount, on: on.name } : mount;
}

function newRouterPrefix(node: TSESTree.Expression): string | undefined {
  if (node.type !== "NewExpression" && node.type !== "CallExpression") return undefined;
  const options = node.arguments[0];
  return options?.type === "ObjectExpression" ? stringProperty(options, "prefix") : undefined;
}

function mountsOfCall(mounts: RouteMount[], node: TSESTree.Node): void {
  const call = memberCall(node);
  if (!call) return;
  const [first, ...rest] = call.call.arguments;
  if ((call.name === "use" || call.name === "route") && first) {
    const prefix = stringValue(first);
    // app.use(tasksRouter) mounts at the root.
    if (prefix === undefined && call.name === "use") {
      for (const argument of call.call.arguments) {
        const target = mountedName(argument);
        if (target) mounts.push(withOn({ prefix: "", target }, call.object));
      }
    }
    if (prefix?.startsWith("/")) {
      for (const argument of rest) {
        const target = mountedName(argument);
        if (target) mounts.push(withOn({ prefix, target }, call.object));
      }
    }
  } else if (call.name === "register" && first && rest[0]?.type === "ObjectExpression") {
    const prefix = stringProperty(rest[0], "prefix");
    const target = mountedName(first);
    if (prefix?.startsWith("/") && target) mounts.push(withOn({ prefix, target }, call.object));
  }
}

/**
 * Where routers are mounted, read from syntax: Express and Koa `app.use("/tasks", tasksRouter)`, Hono
 * `app.route("/tasks", tasks)`, Fastify `app.register(tasksRoutes, { prefix: "/tasks" })`, and
 * koa-router's own `new Router({ prefix: "/tasks" })`.
 */
export function routeMounts(source: TSESTree.Program): RouteMount[] {
  const mounts: RouteMount[] = [];
  walk(source, (node) => {
    if (node.type === "CallExpression") mountsOfCall(mounts, node);
    else if (node.type === "VariableDeclarator" && node.id.type === "Identifier" && node.init) {
      const prefix = newRouterPrefix(node.init);
      if (prefix?.startsWith("/")) mounts.push({ prefix, target: node.id.name });
    }
  });
  return mounts;
}
