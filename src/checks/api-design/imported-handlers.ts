/**
 * Handlers defined in one module and registered as routes in another (the controllers pattern:
 * `router.post("/tasks", validate(schema), tasks.create)` in `routes/tasks.js`, `export async function create(req, res)`
 * in `controllers/tasks.js`). The api-design rules read such a handler where it is defined, so their findings land on
 * the learner's code, with the method, path and middlewares of the route that registers it.
 *
 * The other modules come from the review's project files, which the engine gives its ESLint rules in their settings
 * (`projectFilesOf(settings)`, the contract's ProjectFiles: the files under review and the related files the front
 * end brought along). Without them a rule sees its own file only, as before.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { projectFilesOf } from "../../contract/check.js";
import { parseFile } from "../../syntax/parse-file.js";
import { keyName } from "../shared/ast/names.js";
import { isTestSupport } from "../shared/is-test-file.js";
import { resolveImport } from "../shared/resolve-import.js";
import { isFunction, routeShapeOf, unwrapHandler, type RouteHandler } from "./route-handlers.js";
import { escapeRegExp } from "../shared/escape-reg-exp.js";

/** A route registered in another file whose handler is defined in this one. */
export interface ImportedRoute extends RouteHandler {
  /** The file that registers the route, and its text (for the middlewares' source). */
  routeFile: { path: string; text: string };
}

interface Registration {
  method: string;
  path: string;
  middlewares: ESTree.Node[];
  routeFile: { path: string; text: string };
  /** The handler's module and the name it is exported as ("default" for a default export). */
  modulePath: string;
  exportName: string;
}

const ROUTE_FILE = /\.(get|post|put|patch|delete|del|all|route)\s*\(/;
const JS_PATH = /\.[cm]?[jt]sx?$/;

type Binding = { specifier: string; imported: string };

/** Names a route module binds to other modules: named, default and namespace imports, and `require`. */
function bindingsOf(program: TSESTree.Program): Map<string, Binding> {
  const bindings = new Map<string, Binding>();
  for (const statement of program.body) {
    if (statement.type === "ImportDeclaration") {
      for (const element of statement.specifiers) {
        const imported =
          element.type === "ImportSpecifier"
            ? (keyName(element.imported as ESTree.Node) ?? element.local.name)
            : element.type === "ImportNamespaceSpecifier"
              ? "*"
              : "default";
        bindings.set(element.local.name, { specifier: statement.source.value, imported });
      }
      continue;
    }
    if (statement.type !== "VariableDeclaration") continue;
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require")
        continue;
      const first = init.arguments[0];
      if (first?.type !== "Literal" || typeof first.value !== "string") continue;
      if (declarator.id.type === "Identifier")
        bindings.set(declarator.id.name, { specifier: first.value, imported: "*" });
      else if (declarator.id.type === "ObjectPattern")
        for (const property of declarator.id.properties)
          if (property.type === "Property" && property.value.type === "Identifier")
            bindings.set(property.value.name, {
              specifier: first.value,
              imported: keyName(property.key as ESTree.Node) ?? property.value.name,
            });
    }
  }
  return bindings;
}

/** The module and export a handler argument names: `create`, `tasks.create`, `TasksController.create`. */
function importedName(argument: ESTree.Node | undefined, bindings: ReadonlyMap<string, Binding>): Binding | undefined {
  const node = unwrapHandler(argument);
  if (node?.type === "Identifier") return bindings.get(node.name);
  if (node?.type === "MemberExpression" && node.object.type === "Identifier") {
    const binding = bindings.get(node.object.name);
    const name = keyName(node.property, node.computed);
    if (binding && name && (binding.imported === "*" || binding.imported === "default"))
      return { specifier: binding.specifier, imported: name };
  }
  return undefined;
}

function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "parent") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value])
      if (child && typeof (child as TSESTree.Node).type === "string") walk(child as TSESTree.Node, visit);
  }
}

function registrationsIn(path: string, text: string, paths: ReadonlySet<string>): Registration[] {
  if (!ROUTE_FILE.test(text) || !/\b(import|require)\b/.test(text)) return [];
  const program = parseFile(path, text);
  if (!program) return [];
  const bindings = bindingsOf(program);
  if (bindings.size === 0) return [];
  const found: Registration[] = [];
  walk(program, (node) => {
    if (node.type !== "CallExpression") return;
    const shape = routeShapeOf(node as unknown as ESTree.CallExpression);
    const binding = shape && importedName(shape.handlerArgument, bindings);
    const modulePath = binding && resolveImport(path, binding.specifier, paths);
    if (!shape || !binding || !modulePath || modulePath === path) return;
    found.push({
      method: shape.method,
      path: shape.path,
      middlewares: shape.middlewares,
      routeFile: { path, text },
      modulePath,
      exportName: binding.imported,
    });
  });
  return found;
}

interface ProjectIndex {
  paths: ReadonlySet<string>;
  /** The route-like files that import each module, by the module's path: one scan of each file per review. */
  importers: Map<string, string[]>;
  /** Registrations with an imported handler, by the registering file: each file is parsed at most once per review. */
  byRouteFile: Map<string, Registration[]>;
}

/** One index per review (keyed by the project files object the engine gives every rule of the review). */
const indexByProject = new WeakMap<object, ProjectIndex>();
const SPECIFIER = /\bfrom\s*["']([^"'\n]+)["']|\brequire\(\s*["']([^"'\n]+)["']\s*\)/g;

function indexOf(contents: ReadonlyMap<string, string>, key: object): ProjectIndex {
  const cached = indexByProject.get(key);
  if (cached) return cached;
  const paths = new Set(contents.keys());
  const importers = new Map<string, string[]>();
  for (const [path, text] of contents) {
    if (!JS_PATH.test(path) || isTestSupport(path) || !ROUTE_FILE.test(text)) continue;
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2] ?? "";
      if (!specifier.startsWith(".") && !/^[@~#]\/|^src\//.test(specifier)) continue;
      const target = resolveImport(path, specifier, paths);
      if (!target || target === path) continue;
      const list = importers.get(target) ?? [];
      if (!list.includes(path)) list.push(path);
      importers.set(target, list);
    }
  }
  const index: ProjectIndex = { paths, importers, byRouteFile: new Map() };
  indexByProject.set(key, index);
  return index;
}

/**
 * The routes registered with an export of `modulePath`, read from the route-like files that import it. A file is
 * parsed only when one of the exported names ends a call's arguments (`tasks.create)`, `asyncHandler(create))`) or is a
 * `handler:` option, so a module imported for its middleware or its pool costs its importers no parse.
 */
function registrationsOf(
  contents: ReadonlyMap<string, string>,
  key: object,
  modulePath: string,
  names: readonly string[],
): Registration[] {
  const index = indexOf(contents, key);
  const alternatives = names.map(escapeRegExp).join("|");
  const asHandler = new RegExp(
    String.raw`[,(]\s*(?:[\w$]+\.)?(?:${alternatives})\s*\)|\bhandler\s*:\s*(?:[\w$]+\.)?(?:${alternatives})\b`,
  );
  const found: Registration[] = [];
  for (const path of index.importers.get(modulePath) ?? []) {
    if (!asHandler.test(contents.get(path) ?? "")) continue;
    let registrations = index.byRouteFile.get(path);
    if (!registrations)
      index.byRouteFile.set(path, (registrations = registrationsIn(path, contents.get(path) ?? "", index.paths)));
    found.push(...registrations.filter((registration) => registration.modulePath === modulePath));
  }
  return found;
}

/** The function a value is, through `asyncHandler(...)`-style wrappers and names bound in the module. */
function functionOf(
  node: ESTree.Node | null | undefined,
  locals: ReadonlyMap<string, ESTree.Node>,
): RouteHandler["handler"] | undefined {
  let current = unwrapHandler(node ?? undefined);
  if (current?.type === "Identifier") current = unwrapHandler(locals.get(current.name));
  if (current?.type === "FunctionDeclaration")
    return { ...current, type: "FunctionExpression" } as ESTree.FunctionExpression;
  return isFunction(current) ? current : undefined;
}

function propertiesOf(
  object: ESTree.ObjectExpression,
  locals: ReadonlyMap<string, ESTree.Node>,
  into: Map<string, RouteHandler["handler"]>,
): void {
  for (const property of object.properties) {
    if (property.type !== "Property") continue;
    const name = keyName(property.key, property.computed);
    const fn = name ? functionOf(property.value, locals) : undefined;
    if (name && fn) into.set(name, fn);
  }
}

/** The handlers a module exports, by export name (its default export's properties count as named). */
function exportedHandlers(program: ESTree.Program): Map<string, RouteHandler["handler"]> {
  const locals = new Map<string, ESTree.Node>();
  for (const statement of program.body) {
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "FunctionDeclaration" && declaration.id) locals.set(declaration.id.name, declaration);
    if (declaration?.type === "VariableDeclaration")
      for (const declarator of declaration.declarations)
        if (declarator.id.type === "Identifier" && declarator.init) locals.set(declarator.id.name, declarator.init);
  }
  const exported = new Map<string, RouteHandler["handler"]>();
  const add = (name: string, value: ESTree.Node | null | undefined): void => {
    const fn = functionOf(value, locals);
    if (fn) exported.set(name, fn);
  };
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration") {
      const declaration = statement.declaration;
      if (declaration?.type === "FunctionDeclaration" && declaration.id) add(declaration.id.name, declaration);
      if (declaration?.type === "VariableDeclaration")
        for (const declarator of declaration.declarations)
          if (declarator.id.type === "Identifier") add(declarator.id.name, declarator.init);
      for (const specifier of statement.specifiers)
        if (specifier.local.type === "Identifier")
          add(keyName(specifier.exported) ?? specifier.local.name, specifier.local);
    } else if (statement.type === "ExportDefaultDeclaration") {
      const declaration = statement.declaration as ESTree.Node;
      if (declaration.type === "ObjectExpression") propertiesOf(declaration, locals, exported);
      else add("default", declaration);
    } else if (statement.type === "ExpressionStatement" && statement.expression.type === "AssignmentExpression") {
      // module.exports = { create, list }, module.exports.create = ..., exports.create = ...
      const { left, right } = statement.expression;
      if (left.type !== "MemberExpression") continue;
      const name = keyName(left.property, left.computed);
      const isModuleExports = left.object.type === "Identifier" && left.object.name === "module" && name === "exports";
      if (isModuleExports && right.type === "ObjectExpression") propertiesOf(right, locals, exported);
      else if (isModuleExports) add("default", right);
      else if (
        name &&
        ((left.object.type === "Identifier" && left.object.name === "exports") ||
          (left.object.type === "MemberExpression" &&
            keyName(left.object.property, left.object.computed) === "exports"))
      )
        add(name, right);
    }
  }
  return exported;
}

/**
 * The routes other files of the review register with a handler this file exports, each with this file's function as
 * its handler. Empty when the engine gave no project files or nothing registers this file's exports.
 */
export function routesFromOtherFiles(context: Rule.RuleContext): ImportedRoute[] {
  const settings = context.settings as Readonly<Record<string, unknown>> | undefined;
  const project = projectFilesOf(settings);
  if (!project) return [];
  const contents = project.contents;
  if (!/\bexport\b|\bexports\b/.test(context.sourceCode.text)) return [];
  // A module that exports no function taking a request (`db.js` exporting a pool) needs no look at its importers.
  const handlers = exportedHandlers(context.sourceCode.ast as ESTree.Program);
  const names = [...handlers].filter(([, handler]) => handler.params.length > 0).map(([name]) => name);
  if (names.length === 0) return [];
  const mine = registrationsOf(contents, project, context.filename, names);
  if (mine.length === 0) return [];
  const routes: ImportedRoute[] = [];
  for (const registration of mine) {
    const handler = handlers.get(registration.exportName);
    if (handler)
      routes.push({
        method: registration.method,
        path: registration.path,
        handler,
        middlewares: registration.middlewares,
        routeFile: registration.routeFile,
      });
  }
  return routes;
}

/** Source text of a node of the route's file (the registering file for an imported route, else this one). */
export function routeNodeText(
  node: ESTree.Node,
  route: RouteHandler | ImportedRoute,
  sourceCode: Rule.RuleContext["sourceCode"],
): string {
  if ("routeFile" in route && node.range) return route.routeFile.text.slice(node.range[0], node.range[1]);
  return sourceCode.getText(node);
}
