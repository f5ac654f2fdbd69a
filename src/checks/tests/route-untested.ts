import type { FunctionCheck } from "../check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isTestFile } from "../shared/is-test-file.js";
import { requestedPaths, type RequestedPath } from "../shared/requested-paths.js";
import { requestHitsRoute } from "../shared/route-matches.js";
import { createRouteResolver } from "../shared/route-resolver.js";
import { testNameMatches } from "../shared/test-name-matches.js";

function exampleUrl(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+\??/g, "1").replace(/\{[^}]+\}/g, "1").replace(/\/\*.*$/, "/example");
}

const EXPECTED_STATUS: Record<string, number> = { POST: 201, DELETE: 204 };
const HAS_BODY = new Set(["POST", "PUT", "PATCH"]);

/** A one-line test call for the route, in the style of the module's framework. */
function exampleRequest(method: string, path: string, fastify: boolean): string {
  const url = exampleUrl(path);
  if (fastify) return `await app.inject({ method: "${method}", url: "${url}"${HAS_BODY.has(method) ? ", payload: validBody" : ""} })`;
  const send = HAS_BODY.has(method) ? ".send(validBody)" : "";
  return `await request(app).${method.toLowerCase()}("${url}")${send}.expect(${EXPECTED_STATUS[method] ?? 200})`;
}

/** New HTTP routes that no test sends a request to. */
export const routeUntestedCheck: FunctionCheck = {
  kind: "function",
  id: "route-untested",
  criterion: "tests",
  description: "A new HTTP route has no test that sends a request to it.",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    const known = new Map<string, string>();
    for (const file of context.relatedFiles) known.set(file.path, file.content);
    for (const file of context.files) if (file.status !== "removed") known.set(file.path, file.content);
    const testContents = [...known].filter(([path]) => isTestFile(path));
    const unreadTests = context.repoPaths.filter((path) => isTestFile(path) && !known.has(path));
    const requests: RequestedPath[] = testContents.flatMap(([path, content]) => requestedPaths(content, path));
    const routesOf = createRouteResolver(known, new Set([...context.repoPaths, ...known.keys()]));

    return context.files
      .filter((file) => file.status !== "removed" && isApplicationCode(file.path))
      // A test we cannot read that is named after the module may well request its routes: say nothing.
      .filter((file) => !unreadTests.some((test) => testNameMatches(file.path, test)))
      .flatMap((file) =>
        routesOf(file.path, file.content)
          .filter((route) => !requests.some((request) => requestHitsRoute(route, request)))
          .map((route) => {
            const method = route.method === "ALL" ? "GET" : route.method;
            const fastify = /["']fastify["']/.test(file.content);
            const call = exampleRequest(method, route.path, fastify);
            return {
              messageId: "untestedRoute",
              message:
                `Add a test that sends ${route.method === "ALL" ? "a request" : method} to \`${route.path}\` and checks the response, ` +
                `for example ${fastify ? "with Fastify's inject" : "with supertest"}: \`${call}\`. A route is a promise to every client that calls it; ` +
                "a test keeps that promise as the code around it changes.",
              path: file.path,
              line: route.line,
            };
          }),
      );
  },
};
