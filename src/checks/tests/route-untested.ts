import type { FunctionCheck } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isTestFile } from "../shared/is-test-file.js";
import { knownContents } from "../shared/known-contents.js";
import { requestedPaths, type RequestedPath } from "../shared/requested-paths.js";
import { requestHitsRoute } from "../shared/route-matches.js";
import { createRouteResolver } from "../shared/route-resolver.js";
import { testNameMatches } from "../shared/test-name-matches.js";
import { exampleRequest } from "./example-request.js";

/** New HTTP routes that no test sends a request to. */
export const routeUntestedCheck: FunctionCheck = {
  kind: "function",
  id: "route-untested",
  criterion: "tests",
  description: "A new HTTP route has no test that sends a request to it.",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    const known = knownContents(context);
    const testContents = [...known].filter(([path]) => isTestFile(path));
    const unreadTests = context.repoPaths.filter((path) => isTestFile(path) && !known.has(path));
    // A project with no test at all is one root cause: test-missing reports it once, routes included.
    if (testContents.length === 0 && unreadTests.length === 0) return [];
    const requests: RequestedPath[] = testContents.flatMap(([path, content]) => requestedPaths(content, path));
    const routesOf = createRouteResolver(known, new Set([...context.repoPaths, ...known.keys()]));

    return (
      context.files
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
        )
    );
  },
};
