import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { routesFromOtherFiles } from "./imported-handlers.js";
import { routeHandlerOf, type RouteHandler } from "./route-handlers.js";

/**
 * The visitors every api-design route rule starts from: each route registered in this file (reported at its
 * registering call), and each route registered in another file whose handler is defined here (reported at the
 * handler). `inline: false` leaves this file's own registrations out.
 */
export function routeVisitors(
  context: Rule.RuleContext,
  check: (route: RouteHandler, node: ESTree.Node) => void,
  { inline = true }: { inline?: boolean } = {},
): Rule.RuleListener {
  return {
    Program() {
      for (const route of routesFromOtherFiles(context)) check(route, route.handler);
    },
    CallExpression(node) {
      if (!inline) return;
      const route = routeHandlerOf(node, context);
      if (route) check(route, node);
    },
  };
}
