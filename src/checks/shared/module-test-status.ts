import picomatch from "picomatch";
import type { CheckContext } from "../../contract/check.js";
import { isApplicationCode } from "./is-application-code.js";
import { isTestFile } from "./is-test-file.js";
import { knownContents } from "./known-contents.js";
import { moduleShape } from "./module-shape.js";
import { moduleSpecifiers } from "./module-specifiers.js";
import { requestedPaths, type RequestedPath } from "./requested-paths.js";
import { resolveImport } from "./resolve-import.js";
import type { RouteDefinition } from "./route-definitions.js";
import { requestHitsRoute } from "./route-matches.js";
import { createRouteResolver } from "./route-resolver.js";
import { testNameMatches } from "./test-name-matches.js";

export interface ModuleTestStatus {
  /** A changed application module that decides something and exports it (not type-only, a barrel, an entry script or wiring only). */
  path: string;
  /** Tests that import it (directly or through other modules), or that match it by name. */
  testedBy: string[];
  /** It defines HTTP routes: route-untested reports those one by one. */
  definesRoutes: boolean;
}

export interface ModuleTestOptions {
  /** Glob patterns of modules that need no test (entry points, generated code). */
  ignore: readonly string[];
}

interface TestReach {
  /** Modules the test imports, directly or through modules whose content is known. */
  modules: Set<string>;
  /** True when the trail goes through a script module whose content is unknown, so it may reach further. */
  incomplete: boolean;
}

const SCRIPT = /\.[cm]?[jt]sx?$/;
/** Text a module that defines routes has: `.get(`, `.route(`, `@Get(` (a quick filter before parsing). */
const ROUTE_HINT = /\.(get|post|put|patch|delete|all|route)\(|@(Get|Post|Put|Patch|Delete|All)\(/;

function reach(
  testPath: string,
  contents: ReadonlyMap<string, string>,
  importsOf: (path: string) => string[],
  result: TestReach = { modules: new Set(), incomplete: false },
): TestReach {
  const queue = importsOf(testPath);
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (result.modules.has(next)) continue;
    result.modules.add(next);
    if (contents.has(next)) queue.push(...importsOf(next));
    else if (SCRIPT.test(next)) result.incomplete = true;
  }
  return result;
}

/** True when a test sends a request to one of the routes a module defines. */
function requestsRouteOf(routes: readonly RouteDefinition[], requests: readonly RequestedPath[]): boolean {
  return routes.some((route) => requests.some((request) => requestHitsRoute(route, request)));
}

/**
 * For each changed application module, the tests that exercise it:
 * - a test with known content exercises what it imports, and what those modules import in turn;
 * - a route module is exercised by a test that imports it directly or sends a request to one of its
 *   routes (loading it through app.ts runs none of its handlers);
 * - by file name (`tasks.ts` <-> `tasks.test.ts`), for a test whose content is unknown, or whose imports
 *   run through a module whose content is unknown (the adapter may provide test contents only).
 */
export function moduleTestStatus(context: CheckContext, options: ModuleTestOptions): ModuleTestStatus[] {
  const contents = knownContents(context);
  const paths = new Set([...context.repoPaths, ...contents.keys()]);
  const ignored = picomatch([...options.ignore], { dot: true });
  const wiringOnly = new Set<string>();
  const modules = context.files.filter((file) => {
    if (file.status === "removed" || !isApplicationCode(file.path) || ignored(file.path)) return false;
    const shape = moduleShape(file.content, file.path);
    if (shape.wiringOnly) wiringOnly.add(file.path);
    return shape.behaviour && shape.exports;
  });
  if (modules.length === 0) return [];

  const importCache = new Map<string, string[]>();
  const importsOf = (path: string): string[] => {
    let resolved = importCache.get(path);
    if (!resolved) {
      const content = contents.get(path) ?? "";
      resolved = moduleSpecifiers(content).flatMap((specifier) => resolveImport(path, specifier, paths) ?? []);
      importCache.set(path, resolved);
    }
    return [...resolved];
  };

  const tests = [...paths].filter(isTestFile).sort();
  const reachByTest = new Map<string, TestReach>();
  const requestsByTest = new Map<string, RequestedPath[]>();
  for (const test of tests) {
    const content = contents.get(test);
    if (content === undefined) continue;
    reachByTest.set(test, reach(test, contents, importsOf));
    requestsByTest.set(test, requestedPaths(content, test));
  }
  const routesOf = createRouteResolver(contents, paths);
  // A test that sends a request runs the handler behind it, and what that handler imports: an end-to-end
  // test against a running server (`fetch(`${baseUrl}/api/tasks`)`) exercises the service it calls.
  const routeModules = [...contents]
    .filter(([path, content]) => SCRIPT.test(path) && isApplicationCode(path) && ROUTE_HINT.test(content))
    .map(([path, content]) => ({ path, routes: routesOf(path, content) }))
    .filter((module) => module.routes.length > 0);
  for (const [test, requests] of requestsByTest) {
    const reached = reachByTest.get(test);
    if (!reached || requests.length === 0) continue;
    for (const module of routeModules) {
      if (!requestsRouteOf(module.routes, requests)) continue;
      reached.modules.add(module.path);
      reach(module.path, contents, importsOf, reached);
    }
  }
  return modules.flatMap((module) => {
    const routes = routesOf(module.path, module.content);
    // A module that only wires things needs no unit test of its own; the routes it defines still do.
    if (routes.length === 0 && wiringOnly.has(module.path)) return [];
    const testedBy = tests.filter((test) => {
      const reached = reachByTest.get(test);
      if (!reached) return testNameMatches(module.path, test);
      if (routes.length > 0) {
        // Loading a route module through app.ts runs none of its handlers: requests do, and so does importing
        // it from the test or a test helper (to mount it on a test app).
        const testSide = [test, ...[...reached.modules].filter(isTestFile)];
        const imported = testSide.some((file) => importsOf(file).includes(module.path));
        return (
          imported ||
          requestsRouteOf(routes, requestsByTest.get(test) ?? []) ||
          (reached.incomplete && testNameMatches(module.path, test))
        );
      }
      if (reached.modules.has(module.path)) return true;
      return reached.incomplete && testNameMatches(module.path, test);
    });
    return [{ path: module.path, testedBy, definesRoutes: routes.length > 0 }];
  });
}
