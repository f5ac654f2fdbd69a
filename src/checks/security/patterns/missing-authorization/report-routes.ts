import type { Rule } from "eslint";
import { PERSONAL, type OwnerFacts } from "./owner-facts.js";
import { publicRouteReason } from "./public-route.js";
import type { Route, RouteCollector } from "./route-collector.js";
import { authorizes, MUTATING } from "./route-syntax.js";

/** Public by nature (see publicRouteReason): the rule stays quiet on these, and the lesson says why. */
const isPublic = (route: Route, filename: string): boolean =>
  publicRouteReason({ method: route.method, path: route.path, handler: route.handler, owner: filename }) !== undefined;
const isDelete = (route: Route): boolean => route.method === "delete" || route.method === "del";

/**
 * Reports routes whose handler looks a record up by a request id without checking who asks (IDOR), unless a
 * role or owner middleware guards them. Returns the routes reported, which the missing-auth pass skips.
 */
export function reportUncheckedOwners(
  context: Rule.RuleContext,
  collected: RouteCollector,
  facts: OwnerFacts,
): Set<Route> {
  const { routes, coverage, authorizingCoverage } = collected;
  const fileHasAuth = coverage.length > 0 || routes.some((route) => route.hasAuth) || facts.identities.length > 0;
  const reported = new Set<Route>();
  for (const route of routes) {
    if (isPublic(route, context.filename)) continue;
    const authenticated = route.hasAuth || collected.coveredBefore(route);
    if (!MUTATING.has(route.method) && !authenticated) continue;
    // Without any auth in the file (a single-user or catalog API), only records that belong to people count.
    if (!authenticated && !fileHasAuth && !PERSONAL.test(route.path) && !facts.readsPersonalId(route)) continue;
    if (route.middlewares.some((middleware) => authorizes(context.sourceCode, middleware))) continue;
    if (authorizingCoverage.some((position) => position < route.position)) continue;
    if (!facts.isUncheckedIdAccess(route)) continue;
    reported.add(route);
    const verb = isDelete(route) ? "delete" : MUTATING.has(route.method) ? "change" : "read";
    context.report({
      node: route.report,
      // Signed in, on records not named as anyone's (tasks, posts, products): they may be shared by design.
      messageId:
        authenticated && !PERSONAL.test(route.path) && !facts.readsPersonalId(route)
          ? "noOwnerCheckSignedIn"
          : "noOwnerCheck",
      data: { method: route.method.toUpperCase(), path: route.path || "/", verb },
    });
  }
  return reported;
}

/** In a file where some routes use auth middleware, reports the mutating routes that have none (and are not public); returns them. */
export function reportMissingAuth(
  context: Rule.RuleContext,
  collected: RouteCollector,
  skip: ReadonlySet<Route>,
): Set<Route> {
  const { routes } = collected;
  const reported = new Set<Route>();
  if (!routes.some((route) => route.hasAuth)) return reported;
  const example = collected.authExamples[0] ?? "requireAuth";
  for (const route of routes) {
    if (
      skip.has(route) ||
      route.hasAuth ||
      !MUTATING.has(route.method) ||
      isPublic(route, context.filename) ||
      collected.coveredBefore(route)
    )
      continue;
    const verb = isDelete(route) ? "delete" : route.method === "post" ? "create" : "change";
    reported.add(route);
    context.report({
      node: route.report,
      messageId: "missingAuth",
      data: { example, method: route.method.toUpperCase(), path: route.path || "/", verb },
    });
  }
  return reported;
}
