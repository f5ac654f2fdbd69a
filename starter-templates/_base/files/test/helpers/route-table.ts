import type { Express } from "express";

/** The parts of an Express 5 router layer (the `router` package) this helper reads. */
interface Layer {
  name: string;
  slash?: boolean;
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

const OPENAPI_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** `/tasks/:id` (Express) becomes `/tasks/{id}` (OpenAPI). Optional segments and wildcards are refused. */
function toOpenApiPath(path: string): string {
  if (/[{}*?()]/.test(path)) {
    throw new Error(`route-table: cannot translate the Express path ${JSON.stringify(path)} to OpenAPI; use plain :params`);
  }
  return path.replace(/:(\w+)/g, "{$1}");
}

function pathsOf(path: unknown, where: string): string[] {
  const paths = Array.isArray(path) ? path : [path];
  if (!paths.every((entry): entry is string => typeof entry === "string")) {
    throw new Error(`route-table: ${where} has a regular-expression path, which cannot be compared with openapi.yaml`);
  }
  return paths;
}

function addRoute(route: NonNullable<Layer["route"]>, prefix: string, found: Set<string>): void {
  const methods = Object.keys(route.methods).filter((method) => route.methods[method] === true);
  for (const path of pathsOf(route.path, "a route")) {
    if (methods.includes("_all")) throw new Error(`route-table: ${prefix}${path} uses router.all(); name each method instead`);
    for (const method of methods) found.add(`${method.toUpperCase()} ${toOpenApiPath(prefix + path)}`);
  }
}

function walk(stack: readonly Layer[], prefix: string, found: Set<string>): void {
  for (const layer of stack) {
    if (layer.route !== undefined) {
      addRoute(layer.route, prefix, found);
    } else if (Array.isArray(layer.handle.stack)) {
      // A nested router: mounted at the root (`app.use(router)`) or under a prefix (`app.use("/v1", router)`).
      const mounts = layer.slash === true ? [""] : pathsOf(layer.rawPath, `the router mounted as ${layer.name}`);
      for (const mount of mounts) walk(layer.handle.stack, prefix + mount.replace(/\/$/, ""), found);
    }
  }
}

/**
 * Every route the app really has, as `METHOD /path/{param}`, read from Express 5's router stack
 * (nested routers included), so the list cannot drift from the code the way a hand-kept one does.
 */
export function routeTable(app: Express): string[] {
  const found = new Set<string>();
  walk(app.router.stack as unknown as Layer[], "", found);
  return [...found].sort();
}

/** Every operation openapi.yaml describes, as `METHOD /path/{param}`. */
export function documentedOperations(document: unknown): string[] {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  return Object.entries(paths)
    .flatMap(([path, item]) => OPENAPI_METHODS.filter((method) => method in item).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

/** Routes missing from openapi.yaml, and documented operations the app does not have. */
export function compareWithOpenApi(app: Express, document: unknown): { undocumented: string[]; notInApp: string[] } {
  const routes = routeTable(app);
  const documented = documentedOperations(document);
  return {
    undocumented: routes.filter((route) => !documented.includes(route)),
    notInApp: documented.filter((operation) => !routes.includes(operation)),
  };
}
