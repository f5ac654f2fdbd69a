/**
 * The parts of the module graph the cross-file taint analysis needs: a relative import resolved to a file of
 * the review (src/syntax/resolve-module-path.ts), and an exported function found by the
 * member path an importer uses (`findUser`, `default.findUser`, `UsersService.findOne`).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "../../../shared/ast/functions.js";
import type { FunctionNode } from "../../../shared/ast/functions.js";
import { resolveModulePath as resolveIn } from "../../../../syntax/resolve-module-path.js";
import type { ModuleMember } from "./module-member.js";

/** The repository path a relative specifier of `fromPath` names, when that file is in `contents`. */
export function resolveModulePath(
  fromPath: string,
  specifier: string,
  contents: ReadonlyMap<string, string>,
): string | undefined {
  return resolveIn(fromPath, specifier, (path) => contents.has(path));
}

type Declared = TSESTree.Node;

/** Top-level names of a module and what they are bound to (a function, a class, an object, `new X()`). */
function topLevelBindings(program: TSESTree.Program): Map<string, Declared> {
  const bindings = new Map<string, Declared>();
  const declare = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    if ((node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") && node.id)
      bindings.set(node.id.name, node);
    if (node.type === "VariableDeclaration") {
      for (const declarator of node.declarations)
        if (declarator.id.type === "Identifier" && declarator.init) bindings.set(declarator.id.name, declarator.init);
    }
  };
  for (const statement of program.body) {
    declare(statement);
    if (statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration")
      declare(statement.declaration as TSESTree.Node | null);
  }
  return bindings;
}

function isExportsObject(node: TSESTree.Node): boolean {
  if (node.type === "Identifier") return node.name === "exports";
  return (
    node.type === "MemberExpression" &&
    node.object.type === "Identifier" &&
    node.object.name === "module" &&
    node.property.type === "Identifier" &&
    node.property.name === "exports"
  );
}

interface ModuleExports {
  named: Map<string, Declared>;
  default?: Declared;
  bindings: Map<string, Declared>;
}

const exportsCache = new WeakMap<TSESTree.Program, ModuleExports>();

/** What a module exports: ESM `export`, `export default`, CommonJS `module.exports = ...` and `exports.x = ...`. */
function moduleExports(program: TSESTree.Program): ModuleExports {
  const cached = exportsCache.get(program);
  if (cached) return cached;
  const bindings = topLevelBindings(program);
  const result: ModuleExports = { named: new Map(), bindings };
  for (const statement of program.body) {
    if (statement.type === "ExportNamedDeclaration" && !statement.source) {
      const declaration = statement.declaration;
      if ((declaration?.type === "FunctionDeclaration" || declaration?.type === "ClassDeclaration") && declaration.id)
        result.named.set(declaration.id.name, declaration);
      if (declaration?.type === "VariableDeclaration") {
        for (const declarator of declaration.declarations)
          if (declarator.id.type === "Identifier" && declarator.init)
            result.named.set(declarator.id.name, declarator.init);
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type !== "ExportSpecifier" || specifier.local.type !== "Identifier") continue;
        const exported =
          specifier.exported.type === "Identifier" ? specifier.exported.name : String(specifier.exported.value);
        const local = bindings.get(specifier.local.name);
        if (local) result.named.set(exported, local);
      }
    } else if (statement.type === "ExportDefaultDeclaration") {
      result.default = statement.declaration;
    } else if (statement.type === "TSExportAssignment") {
      result.default = statement.expression;
    } else if (
      statement.type === "ExpressionStatement" &&
      statement.expression.type === "AssignmentExpression" &&
      statement.expression.operator === "="
    ) {
      const { left, right } = statement.expression;
      if (isExportsObject(left)) result.default = right;
      else if (
        left.type === "MemberExpression" &&
        !left.computed &&
        left.property.type === "Identifier" &&
        isExportsObject(left.object)
      )
        result.named.set(left.property.name, right);
    }
  }
  exportsCache.set(program, result);
  return result;
}

/** A member of a declared thing: an object literal's property, a class's method, the class of `new X()`. */
function memberOf(node: Declared, name: string, bindings: Map<string, Declared>, depth = 0): Declared | undefined {
  if (depth > 4) return undefined;
  if (node.type === "Identifier") {
    const bound = bindings.get(node.name);
    return bound ? memberOf(bound, name, bindings, depth + 1) : undefined;
  }
  if (node.type === "ObjectExpression") {
    for (const property of node.properties) {
      if (property.type !== "Property" || property.computed) continue;
      const key =
        property.key.type === "Identifier"
          ? property.key.name
          : property.key.type === "Literal"
            ? String(property.key.value)
            : undefined;
      if (key === name)
        return property.value.type === "Identifier"
          ? (bindings.get(property.value.name) ?? property.value)
          : property.value;
    }
    return undefined;
  }
  if (node.type === "ClassDeclaration" || node.type === "ClassExpression") {
    for (const member of node.body.body) {
      if (
        member.type === "MethodDefinition" &&
        member.key.type === "Identifier" &&
        member.key.name === name &&
        member.kind === "method"
      )
        return member.value;
      if (
        member.type === "PropertyDefinition" &&
        member.key.type === "Identifier" &&
        member.key.name === name &&
        member.value &&
        isFunction(member.value)
      )
        return member.value;
    }
    return undefined;
  }
  if (node.type === "NewExpression" && node.callee.type === "Identifier") {
    const declared = bindings.get(node.callee.name);
    return declared ? memberOf(declared, name, bindings, depth + 1) : undefined;
  }
  return undefined;
}

/** The function an importer reaches with this member path (`[]` is the default export), if the module defines it. */
export function exportedFunction(program: TSESTree.Program, members: readonly string[]): FunctionNode | undefined {
  const exports = moduleExports(program);
  const [first, ...rest] = members;
  let node: Declared | undefined;
  if (first === undefined) node = exports.default;
  else
    node =
      exports.named.get(first) ?? (exports.default ? memberOf(exports.default, first, exports.bindings) : undefined);
  for (const name of rest) node = node && memberOf(node, name, exports.bindings);
  if (node?.type === "Identifier") node = exports.bindings.get(node.name);
  return node && isFunction(node) ? (node as FunctionNode) : undefined;
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === "Identifier" ? node.name : String(node.value);
}

/**
 * Where a barrel file sends an importer that asks it for `members`: `export { findUser } from "./dao"` (also
 * renamed), `export * from "./dao"`, `export * as users from "./users"`, and `import { findUser } from "./dao";
 * export { findUser }`. Candidates in the file's order; `export *` ones may not define the member.
 */
export function reexportsOf(program: TSESTree.Program, members: readonly string[]): ModuleMember[] {
  const [first, ...rest] = members;
  if (first === undefined) return [];
  const found: ModuleMember[] = [];
  const imported = new Map<string, ModuleMember>();
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    for (const specifier of statement.specifiers)
      if (specifier.type === "ImportSpecifier")
        imported.set(specifier.local.name, {
          module: String(statement.source.value),
          members: [nameOf(specifier.imported)],
        });
  }
  for (const statement of program.body) {
    if (statement.type === "ExportAllDeclaration") {
      const module = String(statement.source.value);
      if (!statement.exported) found.push({ module, members: [...members] });
      else if (nameOf(statement.exported) === first) found.push({ module, members: rest });
    } else if (statement.type === "ExportNamedDeclaration") {
      for (const specifier of statement.specifiers) {
        if (specifier.type !== "ExportSpecifier" || nameOf(specifier.exported) !== first) continue;
        const local = nameOf(specifier.local);
        if (statement.source) found.push({ module: String(statement.source.value), members: [local, ...rest] });
        else {
          const via = imported.get(local);
          if (via) found.push({ module: via.module, members: [...via.members, ...rest] });
        }
      }
    }
  }
  return found;
}
