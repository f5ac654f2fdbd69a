import { DYNAMIC } from "./string-value.js";
import { escapeRegExp } from "./escape-reg-exp.js";

/** Names an application object usually has; routes on these are not mounted under a prefix. */
const APP_NAMES = new Set(["app", "server", "fastify", "application"]);

function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment.length > 0);
}

/** A requested segment with computed parts (`${id}`, `task-${id}`) matches any text in their place. */
function segmentMatches(template: string, requested: string): boolean {
  if (template.startsWith(":") || /^\{[^}]+\}$/.test(template)) return requested.length > 0;
  if (!requested.includes(DYNAMIC)) return template.toLowerCase() === requested.toLowerCase();
  const pattern = new RegExp(`^${requested.split(DYNAMIC).map(escapeRegExp).join(".*")}$`, "i");
  return pattern.test(template);
}

function matchFrom(template: readonly string[], requested: readonly string[]): boolean {
  const [head, ...rest] = template;
  if (head === undefined) return requested.length === 0;
  if (head.startsWith("*")) return true;
  if (head.startsWith(":") && head.endsWith("?")) {
    return matchFrom(rest, requested) || (requested.length > 0 && matchFrom(rest, requested.slice(1)));
  }
  const [first, ...others] = requested;
  return first !== undefined && segmentMatches(head, first) && matchFrom(rest, others);
}

/**
 * True when a requested path exercises a route template: `/tasks/:id` matches `/tasks/123` and
 * `/tasks/\0` (a computed id). The route may be mounted under a prefix the test includes
 * (`/api/tasks/1`), since a router's prefix is set elsewhere.
 */
export function routeMatches(template: string, requested: string): boolean {
  const want = segments(template);
  const got = segments(requested);
  // The root route matches the root only: any path would otherwise "end with" it.
  if (want.length === 0) return got.length === 0;
  for (let offset = 0; offset <= got.length; offset += 1) {
    if (matchFrom(want, got.slice(offset))) return true;
  }
  return false;
}

/** Method match: unknown or ALL on either side matches anything. */
export function methodMatches(routeMethod: string, requestedMethod: string | undefined): boolean {
  return requestedMethod === undefined || routeMethod === "ALL" || routeMethod === requestedMethod;
}

/**
 * True when a request exercises a route. A router's root route (`router.get("/")`) mounted somewhere
 * unknown could answer any path, so any request with a matching method counts for it.
 */
export function requestHitsRoute(
  route: { method: string; path: string; mounted?: boolean; owner?: string },
  request: { method?: string; path: string },
): boolean {
  if (!methodMatches(route.method, request.method)) return false;
  if (segments(route.path).length === 0 && !route.mounted && route.owner !== undefined && !APP_NAMES.has(route.owner))
    return true;
  return routeMatches(route.path, request.path);
}
