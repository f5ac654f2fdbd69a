import ts from "typescript";
import { parseSource } from "./parse-source.js";
import { HTTP_METHOD_CALLS, normalizeMethod } from "./http-methods.js";
import { propertyName, stringProperty, stringValue } from "./string-value.js";

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
export const CLIENTS = new Set(["axios", "http", "https", "fetch", "request", "supertest", "got", "ky", "superagent", "client", "api", "agent", "$http", "httpClient", "cache", "map", "redis", "params", "query", "headers", "searchParams", "req", "res"]);
const NEST_METHODS = new Set(["Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "All"]);

function rootName(node: ts.Expression): string | undefined {
  let current: ts.Expression = node;
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current)) current = current.expression;
  if (ts.isIdentifier(current)) return current.text;
  return current.kind === ts.SyntaxKind.ThisKeyword ? "this" : undefined;
}

function withOwner(route: RouteDefinition, owner: string | undefined): RouteDefinition {
  return owner && owner !== "this" ? { ...route, owner } : route;
}

function isHandler(node: ts.Expression): boolean {
  return ts.isFunctionLike(node) || ts.isIdentifier(node) || ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isArrayLiteralExpression(node);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** The path of Express's `router.route(path)` at the start of a chain of method calls, or undefined. */
function chainedRoutePath(target: ts.Expression): string | undefined {
  let current = target;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    const name = current.expression.name.text;
    if (name === "route" && current.arguments.length === 1) {
      const first = current.arguments[0];
      return first && !ts.isObjectLiteralExpression(first) ? (stringValue(first) ?? "") : undefined;
    }
    if (!HTTP_METHOD_CALLS.has(name)) return undefined;
    current = current.expression.expression;
  }
  return undefined;
}

/** `app.get("/tasks", handler)`, koa-router's `router.get("name", "/tasks", handler)`, and `router.route("/tasks").get(handler)`. */
function methodCallRoute(call: ts.CallExpression, source: ts.SourceFile): RouteDefinition | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  if (!HTTP_METHOD_CALLS.has(method)) return undefined;
  const target = call.expression.expression;
  const root = rootName(target);
  if (root !== undefined && CLIENTS.has(root)) return undefined;
  // router.route("/tasks").get(handler).post(handler)
  const chained = chainedRoutePath(target);
  if (chained !== undefined) {
    return chained.startsWith("/") && call.arguments.some(isHandler) ? withOwner({ method: normalizeMethod(method), path: chained, line: lineOf(source, call) }, root) : undefined;
  }
  const [first, second, ...rest] = call.arguments;
  if (!first) return undefined;
  let path = stringValue(first);
  let handlers = [second, ...rest];
  if (path !== undefined && !path.startsWith("/") && second && stringValue(second)?.startsWith("/")) {
    path = stringValue(second);
    handlers = rest;
  }
  if (!path?.startsWith("/") || !handlers.some((handler) => handler !== undefined && isHandler(handler))) return undefined;
  return withOwner({ method: normalizeMethod(method), path, line: lineOf(source, call) }, root);
}

/** Fastify's `fastify.route({ method: "GET", url: "/tasks", handler })`. */
function fastifyRoute(call: ts.CallExpression, source: ts.SourceFile): RouteDefinition[] {
  if (!ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== "route") return [];
  const options = call.arguments[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return [];
  const path = stringProperty(options, "url") ?? stringProperty(options, "path");
  if (!path?.startsWith("/")) return [];
  const methodProperty = options.properties.find((property) => ts.isPropertyAssignment(property) && propertyName(property.name) === "method");
  const value = methodProperty && ts.isPropertyAssignment(methodProperty) ? methodProperty.initializer : undefined;
  const methods = value && ts.isArrayLiteralExpression(value) ? value.elements.map((element) => stringValue(element)) : [value ? stringValue(value) : "ALL"];
  const owner = rootName(call.expression.expression);
  return methods.flatMap((method) => (method ? [withOwner({ method: normalizeMethod(method), path, line: lineOf(source, call) }, owner)] : []));
}

function decoratorCall(decorator: ts.Decorator): { name: string; argument?: ts.Expression } | undefined {
  const expression = decorator.expression;
  if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression)) return undefined;
  const call: { name: string; argument?: ts.Expression } = { name: expression.expression.text };
  if (expression.arguments[0]) call.argument = expression.arguments[0];
  return call;
}

function decoratorPath(argument: ts.Expression | undefined): string | undefined {
  if (!argument) return "";
  if (ts.isObjectLiteralExpression(argument)) return stringProperty(argument, "path") ?? "";
  return stringValue(argument);
}

/** NestJS: `@Controller("tasks")` with `@Get(":id")` on its methods. */
function nestRoutes(node: ts.ClassDeclaration, source: ts.SourceFile): RouteDefinition[] {
  const controller = ts.getDecorators(node)?.map(decoratorCall).find((call) => call?.name === "Controller");
  if (!controller) return [];
  const prefix = decoratorPath(controller.argument);
  if (prefix === undefined) return [];
  const routes: RouteDefinition[] = [];
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const decorator of ts.getDecorators(member) ?? []) {
      const call = decoratorCall(decorator);
      if (!call || !NEST_METHODS.has(call.name)) continue;
      const sub = decoratorPath(call.argument);
      if (sub === undefined) continue;
      const path = `/${[prefix, sub].map((part) => part.replace(/^\/+|\/+$/g, "")).filter(Boolean).join("/")}`;
      routes.push({ method: normalizeMethod(call.name), path, line: lineOf(source, decorator) });
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
  const source = parseSource(path, content);
  const routes: RouteDefinition[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const route = methodCallRoute(node, source);
      if (route) routes.push(route);
      routes.push(...fastifyRoute(node, source));
    } else if (ts.isClassDeclaration(node)) {
      routes.push(...nestRoutes(node, source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return routes;
}
