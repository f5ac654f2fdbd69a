import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { memberCall } from "./ast/member-call.js";
import { keyName, rootName } from "./ast/names.js";
import { lineOf, parseFile } from "../../syntax/parse-file.js";
import { walk } from "./ast/walk.js";
import { HTTP_METHOD_CALLS, normalizeMethod } from "./http-methods.js";
import { stringProperty, stringValue } from "./string-value.js";

export interface RouteDefinition {
  /** Upper-case HTTP method, or "ALL". */
  method: string;
  /** The path as written: `/tasks/:id`. */
  path: string;
  /** 1-based line of the route definition. */
  line: number;
  /** The variable the route is defined on (`tasksRouter` in `tasksRouter.get(...)`), to find where it is mounted. */
  owner?: string;
  /** Set by the route resolver when `path` includes the prefix the router is mounted under. */
  mounted?: boolean;
}

/** Objects that send requests rather than serve them: `axios.get("/x", config)` is no route. */
export const CLIENTS = new Set([
  "axios",
  "http",
  "https",
  "fetch",
  "request",
  "supertest",
  "got",
  "ky",
  "superagent",
  "client",
  "api",
  "agent",
  "$http",
  "httpClient",
  "cache",
  "map",
  "redis",
  "params",
  "query",
  "headers",
  "searchParams",
  "req",
  "res",
]);
const NEST_METHODS = new Set(["Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All"]);

function withOwner(route: RouteDefinition, owner: string | undefined): RouteDefinition {
  return owner && owner !== "this" ? { ...route, owner } : route;
}

function isHandler(node: TSESTree.Node): boolean {
  return [
    "ArrowFunctionExpression",
    "FunctionExpression",
    "Identifier",
    "CallExpression",
    "MemberExpression",
    "ArrayExpression",
  ].includes(node.type);
}

/** The path of Express's `router.route(path)` at the start of a chain of method calls, or undefined. */
function chainedRoutePath(target: TSESTree.Node): string | undefined {
  for (let call = memberCall(target); call; call = memberCall(call.object)) {
    if (call.name === "route" && call.call.arguments.length === 1) {
      const first = call.call.arguments[0];
      return first && first.type !== "ObjectExpression" ? (stringValue(first) ?? "") : undefined;
    }
    if (!HTTP_METHOD_CALLS.has(call.name)) return undefined;
  }
  return undefined;
}

/** `app.get("/tasks", handler)`, koa-router's `router.get("name", "/tasks", handler)`, and `router.route("/tasks").get(handler)`. */
function methodCallRoute(node: TSESTree.CallExpression): RouteDefinition | undefined {
  const call = memberCall(node);
  if (!call || !HTTP_METHOD_CALLS.has(call.name)) return undefined;
  const method = normalizeMethod(call.name);
  const root = rootName(call.object);
  if (root !== undefined && CLIENTS.has(root)) return undefined;
  // router.route("/tasks").get(handler).post(handler)
  const chained = chainedRoutePath(call.object);
  if (chained !== undefined) {
    return chained.startsWith("/") && node.arguments.some(isHandler)
      ? withOwner({ method, path: chained, line: lineOf(node) }, root)
      : undefined;
  }
  const [first, second, ...rest] = node.arguments;
  if (!first) return undefined;
  let path = stringValue(first);
  let handlers = [second, ...rest];
  if (path !== undefined && !path.startsWith("/") && second && stringValue(second)?.startsWith("/")) {
    path = stringValue(second);
    handlers = rest;
  }
  if (!path?.startsWith("/") || !handlers.some((handler) => handler !== undefined && isHandler(handler)))
    return undefined;
  return withOwner({ method, path, line: lineOf(node) }, root);
}

/** Fastify's `fastify.route({ method: "GET", url: "/tasks", handler })`. */
function fastifyRoute(node: TSESTree.CallExpression): RouteDefinition[] {
  const call = memberCall(node);
  if (call?.name !== "route") return [];
  const options = node.arguments[0];
  if (options?.type !== "ObjectExpression") return [];
  const path = stringProperty(options, "url") ?? stringProperty(options, "path");
  if (!path?.startsWith("/")) return [];
  const methodProperty = options.properties.find(
    (property): property is TSESTree.Property =>
      property.type === "Property" && !property.method && keyName(property.key, property.computed) === "method",
  );
  const value = methodProperty?.value;
  const methods =
    value?.type === "ArrayExpression"
      ? value.elements.map((element) => stringValue(element))
      : [value ? stringValue(value) : "ALL"];
  const owner = rootName(call.object);
  return methods.flatMap((method) =>
    method ? [withOwner({ method: normalizeMethod(method), path, line: lineOf(node) }, owner)] : [],
  );
}

function decoratorCall(decorator: TSESTree.Decorator): { name: string; argument?: TSESTree.Node } | undefined {
  const expression = decorator.expression;
  if (expression.type !== "CallExpression" || expression.callee.type !== "Identifier") return undefined;
  const call: { name: string; argument?: TSESTree.Node } = { name: expression.callee.name };
  if (expression.arguments[0]) call.argument = expression.arguments[0];
  return call;
}

function decoratorPath(argument: TSESTree.Node | undefined): string | undefined {
  if (!argument) return "";
  if (argument.type === "ObjectExpression") return stringProperty(argument, "path") ?? "";
  return stringValue(argument);
}

/** NestJS: `@Controller("tasks")` with `@Get(":id")` on its methods. */
function nestRoutes(node: TSESTree.ClassDeclaration): RouteDefinition[] {
  const controller = node.decorators.map(decoratorCall).find((call) => call?.name === "Controller");
  if (!controller) return [];
  const prefix = decoratorPath(controller.argument);
  if (prefix === undefined) return [];
  const routes: RouteDefinition[] = [];
  for (const member of node.body.body) {
    if (member.type !== "MethodDefinition" && member.type !== "TSAbstractMethodDefinition") continue;
    for (const decorator of member.decorators) {
      const call = decoratorCall(decorator);
      if (!call || !NEST_METHODS.has(call.name)) continue;
      const sub = decoratorPath(call.argument);
      if (sub === undefined) continue;
      const path = `/${[prefix, sub]
        .map((part) => part.replace(/^\/+|\/+$/g, ""))
        .filter(Boolean)
        .join("/")}`;
      routes.push({ method: normalizeMethod(call.name), path, line: lineOf(decorator) });
    }
  }
  return routes;
}

/**
 * The HTTP routes a module defines, read from its syntax (never run): Express and Koa
 * (`app.get(path, handler)`, `router.route(path).post(handler)`), Fastify (`fastify.get`,
 * `fastify.route({ method, url })`), Hono, and NestJS controllers (`@Controller` + `@Get`).
 */
export function routeDefinitions(content: string, path: string): RouteDefinition[] {
  const source = parseFile(path, content);
  const routes: RouteDefinition[] = [];
  if (!source) return routes;
  walk(source, (node) => {
    if (node.type === "CallExpression") {
      const route = methodCallRoute(node);
      if (route) routes.push(route);
      routes.push(...fastifyRoute(node));
    } else if (node.type === "ClassDeclaration") {
      routes.push(...nestRoutes(node));
    }
  });
  return routes;
}
