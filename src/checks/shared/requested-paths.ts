import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { calleeName, keyName } from "./ast/names.js";
import { parseFile } from "../../syntax/parse-file.js";
import { walk } from "./ast/walk.js";
import { HTTP_METHOD_CALLS, normalizeMethod } from "./http-methods.js";
import { DYNAMIC, nearestStringConstant, stringProperty, stringValue } from "./string-value.js";

export interface RequestedPath {
  /** Upper-case HTTP method when the test says it; undefined when unknown. */
  method?: string;
  /** The path part of the URL, with DYNAMIC where the test computes a part: "/tasks/\0". */
  path: string;
}

/** Functions that take a URL (or request options) first: fetch, fastify's inject, Hono's app.request, node's http.request. */
const URL_TAKERS = new Set(["fetch", "inject", "request", "Request"]);
/** A browser test's `page.goto("/login")` (Playwright, Puppeteer) or `cy.visit("/login")` (Cypress) sends a GET. */
const PAGE_VISITS = new Set(["goto", "visit"]);

/** The path of a URL-ish string: strips the scheme and host (or a computed base URL), the query and the fragment. */
export function urlPath(text: string): string | undefined {
  let rest = text.replace(/^https?:\/\/[^/]*/, "");
  if (rest.startsWith(DYNAMIC)) rest = rest.slice(rest.indexOf("/") === -1 ? rest.length : rest.indexOf("/"));
  if (!rest.startsWith("/")) return undefined;
  return rest.replace(/[?#].*$/, "");
}

function methodOf(options: TSESTree.Node | undefined): string | undefined {
  if (options?.type !== "ObjectExpression") return undefined;
  const method = stringProperty(options, "method");
  return method ? normalizeMethod(method) : undefined;
}

function add(found: RequestedPath[], text: string | undefined, method: string | undefined): void {
  const path = text === undefined ? undefined : urlPath(text);
  if (path === undefined) return;
  found.push(method ? { method, path } : { path });
}

function hasUrlKey(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some(
    (property) =>
      property.type === "Property" && ["url", "path"].includes(keyName(property.key, property.computed) ?? ""),
  );
}

/**
 * The URLs a test file requests, read from its syntax: supertest's `request(app).get("/tasks")`,
 * `fetch(`${base}/tasks/${id}`, { method })`, `app.inject({ method, url })`, `app.request("/x")`,
 * a browser test's `page.goto("/login")` or `cy.visit("/login")`, and any `{ url }` or `{ path }` request options. URLs kept in `const` strings are followed.
 */
export function requestedPaths(content: string, path: string): RequestedPath[] {
  const source = parseFile(path, content);
  const constants = nearestStringConstant;
  const found: RequestedPath[] = [];
  if (!source) return found;
  walk(source, (node) => {
    if (node.type === "CallExpression" || node.type === "NewExpression") {
      const name = calleeName(node);
      const [first, second] = node.arguments;
      if (name && first) {
        const isMethodCall = node.callee.type === "MemberExpression" && !node.callee.computed;
        if (HTTP_METHOD_CALLS.has(name) && isMethodCall)
          add(found, stringValue(first, constants), name === "all" ? undefined : normalizeMethod(name));
        else if (URL_TAKERS.has(name)) add(found, stringValue(first, constants), methodOf(second));
        else if (PAGE_VISITS.has(name) && isMethodCall) add(found, stringValue(first, constants), "GET");
      }
    } else if (node.type === "ObjectExpression" && hasUrlKey(node)) {
      add(found, stringProperty(node, "url", constants) ?? stringProperty(node, "path", constants), methodOf(node));
    }
  });
  return found;
}
