import type { CheckContext, SourceFile } from "../../contract/check.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isTestFile } from "../shared/is-test-file.js";
import { knownContents } from "../shared/known-contents.js";
import { requestedPaths, type RequestedPath } from "../shared/requested-paths.js";
import type { RouteDefinition } from "../shared/route-definitions.js";
import { requestHitsRoute } from "../shared/route-matches.js";
import { createRouteResolver } from "../shared/route-resolver.js";
import { testNameMatches } from "../shared/test-name-matches.js";

export interface FileUntestedRoutes {
  file: SourceFile;
  /** The file's routes that no test sends a request to, in the order they are defined (with mount prefixes). */
  routes: RouteDefinition[];
}

export interface UntestedRoutes {
  /** True when the repository has no test at all: every route is untested, for one reason. */
  noTests: boolean;
  files: FileUntestedRoutes[];
}

/**
 * The routes of each changed application file that no test requests, following mount prefixes and reading
 * tests anywhere in the repository; none for a file whose same-named test cannot be read (it may well request
 * its routes).
 */
export function untestedRoutes(context: CheckContext): UntestedRoutes {
  const known = knownContents(context);
  const testContents = [...known].filter(([path]) => isTestFile(path));
  const unreadTests = context.repoPaths.filter((path) => isTestFile(path) && !known.has(path));
  const noTests = testContents.length === 0 && unreadTests.length === 0;
  const requests: RequestedPath[] = testContents.flatMap(([path, content]) => requestedPaths(content, path));
  const routesOf = createRouteResolver(known, new Set([...context.repoPaths, ...known.keys()]));
  const files = context.files
    .filter((file) => file.status !== "removed" && isApplicationCode(file.path))
    .filter((file) => !unreadTests.some((test) => testNameMatches(file.path, test)))
    .map((file) => ({
      file,
      routes: routesOf(file.path, file.content).filter(
        (route) => !requests.some((request) => requestHitsRoute(route, request)),
      ),
    }))
    .filter((entry) => entry.routes.length > 0);
  return { noTests, files };
}
