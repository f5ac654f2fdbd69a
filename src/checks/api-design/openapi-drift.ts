import { parse } from "yaml";
import type { FunctionCheck } from "../../contract/check.js";
import { HTTP_METHOD_CALLS } from "../shared/http-methods.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { knownContents } from "../shared/known-contents.js";
import { createRouteResolver } from "../shared/route-resolver.js";
import type { RawFinding } from "../../contract/types.js";

const SPEC_FILE = /(^|\/)(openapi|swagger)[^/]*\.(ya?ml|json)$/i;
const SPEC_METHODS = ["get", "post", "put", "patch", "delete", "head", "options"];

interface Operation {
  method: string;
  path: string;
  line: number;
}

/** `/tasks/:id`, `/tasks/{taskId}` -> `/tasks/{}`: parameter names may differ between code and spec. */
function normalize(path: string): string {
  const trimmed = path.replace(/\/+$/, "") || "/";
  return trimmed.replace(/:\w+\??|\{[^}]+\}/g, "{}").toLowerCase();
}

/** The path part of the first server URL (`https://api.example.com/v1` -> `/v1`), prefixed to every operation. */
function basePath(spec: Record<string, unknown>): string {
  const servers = spec.servers;
  const url =
    Array.isArray(servers) && typeof servers[0]?.url === "string"
      ? (servers[0].url as string)
      : typeof spec.basePath === "string"
        ? spec.basePath
        : "";
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "");
  return path.startsWith("/") ? path.replace(/\/+$/, "") : "";
}

function lineOfPath(content: string, path: string): number {
  const index = content
    .split("\n")
    .findIndex(
      (line) => line.includes(`${path}"`) || line.includes(`${path}':`) || line.trimEnd().endsWith(`${path}:`),
    );
  return index >= 0 ? index + 1 : 1;
}

function operations(content: string): { base: string; operations: Operation[] } {
  const spec = parse(content) as unknown;
  if (!spec || typeof spec !== "object" || !("paths" in spec)) throw new Error("it has no `paths` object");
  const paths = (spec as { paths: unknown }).paths;
  if (!paths || typeof paths !== "object") throw new Error("`paths` is not an object");
  const found: Operation[] = [];
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    if (!item || typeof item !== "object") continue;
    for (const method of SPEC_METHODS)
      if (method in item) found.push({ method: method.toUpperCase(), path, line: lineOfPath(content, path) });
  }
  return { base: basePath(spec as Record<string, unknown>), operations: found };
}

const WHY =
  "An API description that disagrees with the code sends client developers and generated clients to routes that are not there. ";
const LINK = "See https://learn.openapis.org/specification/paths.html";

/**
 * Routes in the code missing from the project's OpenAPI description, and operations in the description with
 * no route in the code. The second direction is reported only when every application file's content is known
 * (a whole-project review, or a change that touches them all): a route in an unread file is not missing.
 */
export const openapiDriftCheck: FunctionCheck = {
  kind: "function",
  id: "openapi-drift",
  criterion: "api-design",
  description: "Routes missing from openapi.yaml / swagger.json, and documented operations with no route.",
  defaultLevel: "actionable",
  languages: ["js", "text"],
  run(context) {
    const known = knownContents(context);
    const specs = [...known].filter(([path]) => SPEC_FILE.test(path) && !/node_modules\//.test(path));
    if (specs.length === 0) return [];
    const codePaths = [...known.keys()].filter((path) => isApplicationCode(path));
    const resolve = createRouteResolver(known, new Set([...context.repoPaths, ...known.keys()]));
    const routes = codePaths.flatMap((path) =>
      resolve(path, known.get(path) ?? "").map((route) => ({ ...route, file: path })),
    );
    if (routes.length === 0) return [];
    const findings: RawFinding[] = [];
    const documented = new Set<string>();
    const specOps: { file: string; op: Operation }[] = [];
    for (const [file, content] of specs) {
      try {
        const { base, operations: ops } = operations(content);
        for (const op of ops) {
          documented.add(`${op.method} ${normalize(op.path)}`);
          documented.add(`${op.method} ${normalize(base + op.path)}`);
          specOps.push({ file, op });
        }
      } catch (error) {
        findings.push({
          messageId: "unreadable",
          path: file,
          line: 1,
          scope: "file",
          message: `Fix \`${file}\` so it parses as OpenAPI: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}. Until then no tool can read it. ${LINK}`,
        });
      }
    }
    if (specOps.length === 0) return findings;
    const changed = new Set(context.files.map((file) => file.path));
    const specFile = specs[0]?.[0] ?? "openapi.yaml";
    for (const route of routes) {
      if (!changed.has(route.file) || route.method === "ALL" || !HTTP_METHOD_CALLS.has(route.method.toLowerCase()))
        continue;
      if (documented.has(`${route.method} ${normalize(route.path)}`)) continue;
      findings.push({
        messageId: "undocumentedRoute",
        path: route.file,
        line: route.line,
        message: `Describe \`${route.method} ${route.path}\` in \`${specFile}\` (under \`paths\`), or remove the route if it should not exist. ${WHY}${LINK}`,
      });
    }
    const allCodeKnown = context.repoPaths.filter((path) => isApplicationCode(path)).every((path) => known.has(path));
    if (!allCodeKnown) return findings;
    const served = new Set(routes.map((route) => `${route.method} ${normalize(route.path)}`));
    const servedAny = new Set(routes.filter((route) => route.method === "ALL").map((route) => normalize(route.path)));
    for (const { file, op } of specOps) {
      const key = normalize(op.path);
      if (served.has(`${op.method} ${key}`) || servedAny.has(key)) continue;
      // Served under a prefix the description leaves to `servers` (`/api/v1/tasks` for `/tasks`).
      if ([...served].some((route) => route.startsWith(`${op.method} /`) && route.endsWith(key))) continue;
      findings.push({
        messageId: "unservedOperation",
        path: file,
        line: op.line,
        message: `Add a route for \`${op.method} ${op.path}\` or remove it from \`${file}\`: no code serves it. ${WHY}${LINK}`,
      });
    }
    return findings;
  },
};
