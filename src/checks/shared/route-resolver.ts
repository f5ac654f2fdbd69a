import { parseFile } from "../../syntax/parse-file.js";
import { importBindings, type ImportBinding } from "./import-bindings.js";
import { resolveImport } from "./resolve-import.js";
import { routeDefinitions, type RouteDefinition } from "./route-definitions.js";
import { routeMounts, type RouteMount } from "./route-mounts.js";

interface MountingFile {
  mounts: RouteMount[];
  bindings: Map<string, ImportBinding>;
}

const MAX_MOUNT_DEPTH = 4;
const SCRIPT = /\.[cm]?[jt]sx?$/;

export function joinPaths(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, "")}${path === "/" ? "" : path}`;
  return joined === "" ? "/" : joined;
}

/**
 * Gives each route of a module its full path, following where its router is mounted in the files
 * whose content is known (`app.use("/tasks", tasksRouter)` in app.ts for `tasksRouter.get("/:id")` in
 * routes/tasks.ts gives `/tasks/:id`), through up to four levels of nesting. A route whose router is
 * mounted nowhere known keeps its own path.
 */
export function createRouteResolver(
  known: ReadonlyMap<string, string>,
  paths: ReadonlySet<string>,
): (path: string, content: string) => RouteDefinition[] {
  let mountingFiles: Map<string, MountingFile> | undefined;
  const mountingFilesOf = (): Map<string, MountingFile> => {
    if (mountingFiles) return mountingFiles;
    mountingFiles = new Map();
    for (const [path, content] of known) {
      if (!SCRIPT.test(path) || !/\.(use|route|register)\(|prefix/.test(content)) continue;
      const source = parseFile(path, content);
      if (!source) continue;
      const mounts = routeMounts(source);
      if (mounts.length > 0) mountingFiles.set(path, { mounts, bindings: importBindings(source) });
    }
    return mountingFiles;
  };

  const prefixesFor = (modulePath: string, owner: string, depth: number, seen: ReadonlySet<string>): string[] => {
    const key = `${modulePath}#${owner}`;
    if (depth > MAX_MOUNT_DEPTH || seen.has(key)) return [];
    const nextSeen = new Set([...seen, key]);
    const prefixes: string[] = [];
    for (const [file, { mounts, bindings }] of mountingFilesOf()) {
      for (const mount of mounts) {
        let mountsThis = file === modulePath && mount.target === owner;
        if (!mountsThis) {
          const binding = bindings.get(mount.target);
          mountsThis =
            binding !== undefined &&
            (binding.imported === owner || binding.imported === "default") &&
            resolveImport(file, binding.specifier, paths) === modulePath;
        }
        if (!mountsThis) continue;
        const outer = mount.on ? prefixesFor(file, mount.on, depth + 1, nextSeen) : [];
        if (outer.length === 0) prefixes.push(mount.prefix);
        else prefixes.push(...outer.map((prefix) => joinPaths(prefix, mount.prefix)));
      }
    }
    return [...new Set(prefixes)];
  };

  return (path, content) =>
    routeDefinitions(content, path).flatMap((route) => {
      const prefixes = route.owner ? prefixesFor(path, route.owner, 0, new Set()) : [];
      return prefixes.length === 0
        ? [route]
        : prefixes.map((prefix) => ({ ...route, path: joinPaths(prefix, route.path), mounted: true }));
    });
}
