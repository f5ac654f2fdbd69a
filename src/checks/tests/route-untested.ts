import type { FunctionCheck } from "../../contract/check.js";
import type { RawFinding } from "../../contract/types.js";
import type { RouteDefinition } from "../shared/route-definitions.js";
import { exampleRequest } from "./example-request.js";
import { untestedRoutes, type FileUntestedRoutes } from "./untested-routes.js";

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

/** Route files named in the one finding of a project with no test, and routes named per file. */
const LISTED_FILES = 6;
const LISTED_PER_FILE = 3;

/** The routes of a file the finding is about: those the change added when it added any, else all of them. */
function inFocus({ file, routes }: FileUntestedRoutes): RouteDefinition[] {
  const added = routes.filter((route) => file.addedLines.has(route.line));
  return added.length > 0 ? added : routes;
}

/**
 * A project with no test at all: one finding that lists its route files, at the first route the change added (or
 * the first route of the first file, in a review of the whole project).
 */
function noTestsFinding(files: readonly FileUntestedRoutes[]): RawFinding {
  const changed = files.find(({ file, routes }) => routes.some((route) => file.addedLines.has(route.line)));
  const entry = changed ?? (files[0] as FileUntestedRoutes);
  const routes = inFocus(entry);
  const total = files.reduce((sum, file) => sum + file.routes.length, 0);
  const listed = files.slice(0, LISTED_FILES).map(({ file, routes: all }) => {
    const named = all.slice(0, LISTED_PER_FILE).map((route) => `${route.method} \`${route.path}\``);
    const more = all.length > LISTED_PER_FILE ? `, and ${all.length - LISTED_PER_FILE} more` : "";
    return `\`${file.path}\` (${named.join(", ")}${more})`;
  });
  const moreFiles = files.length > LISTED_FILES ? `, and ${files.length - LISTED_FILES} more files` : "";
  const first = routes[0] as RouteDefinition;
  const routeCount = `${total} route${total === 1 ? "" : "s"}`;
  const fileCount = files.length === 1 ? "" : ` in ${files.length} files`;
  return {
    messageId: "noTests",
    message:
      `Add a first test: this project has none yet, so no test sends a request to its ${routeCount}${fileCount}: ${listed.join(", ")}${moreFiles}. ` +
      `Start with the routes that matter most, ${example(first, /["']fastify["']/.test(entry.file.content))}. ${WHY}`,
    path: entry.file.path,
    line: first.line,
  };
}

/**
 * HTTP routes that no test sends a request to: one finding per file, listing its untested routes and anchored at
 * the first. In a change, the finding is about the routes on added lines (anchored at the first of them, so a
 * pull request's inline comment sits on a route the change added) and counts the file's older untested routes.
 * A project with no test at all gets one finding for the whole project, listing its route files.
 */
export const routeUntestedCheck: FunctionCheck = {
  kind: "function",
  id: "route-untested",
  criterion: "tests",
  description: "HTTP routes have no test that sends a request to them (one finding per file, listing the routes).",
  defaultLevel: "actionable",
  languages: ["js"],
  run(context) {
    const { noTests, files } = untestedRoutes(context);
    if (files.length === 0) return [];
    if (noTests) return [noTestsFinding(files)];
    return files.map(({ file, routes }): RawFinding => {
      const shown = inFocus({ file, routes });
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
