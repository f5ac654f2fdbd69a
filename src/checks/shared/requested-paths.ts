import ts from "typescript";
import { parseSource } from "./parse-source.js";
import { HTTP_METHOD_CALLS, normalizeMethod } from "./http-methods.js";
import { DYNAMIC, propertyName, nearestStringConstant, stringProperty, stringValue } from "./string-value.js";

export interface RequestedPath {
  /** Upper-case HTTP method when the test says it; undefined when unknown. */
  method?: string;
  /** The path part of the URL, with DYNAMIC where the test computes a part: "/tasks/\0". */
  path: string;
}

/** Functions that take a URL (or request options) first: fetch, fastify's inject, Hono's app.request, node's http.request. */
const URL_TAKERS = new Set(["fetch", "inject", "request", "Request"]);

/** The path of a URL-ish string: strips the scheme and host (or a computed base URL), the query and the fragment. */
export function urlPath(text: string): string | undefined {
  let rest = text.replace(/^https?:\/\/[^/]*/, "");
  if (rest.startsWith(DYNAMIC)) rest = rest.slice(rest.indexOf("/") === -1 ? rest.length : rest.indexOf("/"));
  if (!rest.startsWith("/")) return undefined;
  return rest.replace(/[?#].*$/, "");
}

function callName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function methodOf(options: ts.Expression | undefined): string | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const method = stringProperty(options, "method");
  return method ? normalizeMethod(method) : undefined;
}

function add(found: RequestedPath[], text: string | undefined, method: string | undefined): void {
  const path = text === undefined ? undefined : urlPath(text);
  if (path === undefined) return;
  found.push(method ? { method, path } : { path });
}

/**
 * The URLs a test file requests, read from its syntax: supertest's `request(app).get("/tasks")`,
 * `fetch(`${base}/tasks/${id}`, { method })`, `app.inject({ method, url })`, `app.request("/x")`,
 * and any `{ url }` or `{ path }` request options. URLs kept in `const` strings are followed.
 */
export function requestedPaths(content: string, path: string): RequestedPath[] {
  const source = parseSource(path, content);
  const constants = nearestStringConstant;
  const found: RequestedPath[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = callName(node);
      const [first, second] = node.arguments ?? [];
      if (name && first) {
        if (HTTP_METHOD_CALLS.has(name) && ts.isPropertyAccessExpression(node.expression)) add(found, stringValue(first, constants), name === "all" ? undefined : normalizeMethod(name));
        else if (URL_TAKERS.has(name)) add(found, stringValue(first, constants), methodOf(second));
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      const hasUrl = node.properties.some((property) => property.name && ["url", "path"].includes(propertyName(property.name as ts.PropertyName) ?? ""));
      if (hasUrl) add(found, stringProperty(node, "url", constants) ?? stringProperty(node, "path", constants), methodOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
