import { DYNAMIC } from "./string-value.js";

function segments(path: string): string[] {
  return path.split("/").filter((segment) => segment.length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
  for (let offset = 0; offset <= got.length; offset += 1) {
    if (matchFrom(want, got.slice(offset))) return true;
  }
  return false;
}

/** Method match: unknown or ALL on either side matches anything. */
export function methodMatches(routeMethod: string, requestedMethod: string | undefined): boolean {
  return requestedMethod === undefined || routeMethod === "ALL" || routeMethod === requestedMethod;
}
