import type { FunctionCheck } from "../check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isTestFile } from "../shared/is-test-file.js";
import { requestedPaths, type RequestedPath } from "../shared/requested-paths.js";
import { routeDefinitions } from "../shared/route-definitions.js";
import { methodMatches, routeMatches } from "../shared/route-matches.js";
import { testNameMatches } from "../shared/test-name-matches.js";

function exampleUrl(path: string): string {
  return path.replace(/:[A-Za-z0-9_]+\??/g, "1").replace(/\{[^}]+\}/g, "1").replace(/\/\*.*$/, "/example");
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
    const testContents = new Map<string, string>();
    for (const file of context.relatedFiles) if (isTestFile(file.path)) testContents.set(file.path, file.content);
    for (const file of context.files) if (file.status !== "removed" && isTestFile(file.path)) testContents.set(file.path, file.content);
    const unreadTests = context.repoPaths.filter((path) => isTestFile(path) && !testContents.has(path));
    const requests: RequestedPath[] = [...testContents].flatMap(([path, content]) => requestedPaths(content, path));

    return context.files
      .filter((file) => file.status !== "removed" && isApplicationCode(file.path))
      // A test we cannot read that is named after the module may well request its routes: say nothing.
      .filter((file) => !unreadTests.some((test) => testNameMatches(file.path, test)))
      .flatMap((file) =>
        routeDefinitions(file.content, file.path)
          .filter((route) => !requests.some((request) => methodMatches(route.method, request.method) && routeMatches(route.path, request.path)))
          .map((route) => {
            const method = route.method === "ALL" ? "GET" : route.method;
            const call = `await request(app).${method.toLowerCase()}("${exampleUrl(route.path)}").expect(200)`;
            return {
              messageId: "untestedRoute",
              message:
                `Add a test that sends ${route.method === "ALL" ? "a request" : method} to \`${route.path}\` and checks the response, ` +
                `for example with supertest: \`${call}\`. A route is a promise to every client that calls it; ` +
                "a test keeps that promise as the code around it changes.",
              path: file.path,
              line: route.line,
            };
          }),
      );
  },
};
