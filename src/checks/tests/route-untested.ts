import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import type { RouteDefinition } from "../shared/route-definitions.js";
import { exampleRequest } from "./example-request.js";
import { untestedRoutes } from "./untested-routes.js";

/** Routes named in one finding; the rest are counted. */
const LISTED = 8;
const WHY =
  "A route is a promise to every client that calls it; a test keeps that promise as the code around it changes.";

const methodOf = (route: RouteDefinition): string => (route.method === "ALL" ? "GET" : route.method);

function example(route: RouteDefinition, fastify: boolean): string {
  return `for example ${fastify ? "with Fastify's inject" : "with supertest"}: \`${exampleRequest(methodOf(route), route.path, fastify)}\``;
}

function message(routes: readonly RouteDefinition[], others: number, fastify: boolean): string {
  const [first] = routes as [RouteDefinition];
  const older =
    others > 0
      ? ` ${others} older route${others === 1 ? "" : "s"} of this file ha${others === 1 ? "s" : "ve"} none either.`
      : "";
  if (routes.length === 1) {
    const what = first.method === "ALL" ? "a request" : first.method;
    return `Add a test that sends ${what} to \`${first.path}\` and checks the response, ${example(first, fastify)}. ${WHY}${older}`;
  }
  const listed = routes.slice(0, LISTED).map((route) => `${route.method} \`${route.path}\` (line ${route.line})`);
  const more = routes.length > LISTED ? `, and ${routes.length - LISTED} more` : "";
  return (
    `Add tests for the ${routes.length} routes here that no test sends a request to: ${listed.join(", ")}${more}. ` +
    `Start with the first and check its response, ${example(first, fastify)}. ${WHY}${older}`
  );
}

/**
 * HTTP routes that no test sends a request to: one finding per file, listing its untested routes and anchored at
 * the first. In a change, the finding is about the routes on added lines (anchored at the first of them, so a
 * pull request's inline comment sits on a route the change added) and counts the file's older untested routes.
 */
export const routeUntestedCheck: FunctionCheck = {
  kind: "function",
  id: "route-untested",
  criterion: "tests",
  description: "HTTP routes have no test that sends a request to them (one finding per file, listing the routes).",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    return untestedRoutes(context).map(({ file, routes }): RawFinding => {
      const added = routes.filter((route) => file.addedLines.has(route.line));
      const shown = added.length > 0 ? added : routes;
      const [first] = shown as [RouteDefinition];
      return {
        messageId: "untestedRoute",
        message: message(shown, routes.length - shown.length, /["']fastify["']/.test(file.content)),
        path: file.path,
        line: first.line,
      };
    });
  },
};
