/**
 * The function in another file of the review that a call reaches: `findUser(x)` after
 * `import { findUser } from "./dao"`, `dao.findUser(x)` after `require("./dao")`, `service.find(x)` after
 * `const service = new UsersService()`, and NestJS's injected `this.usersService.findOne(x)`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { ProjectFiles } from "../../../../contract/check.js";
import type { FunctionNode } from "../../../shared/ast/functions.js";
import { propertyName } from "../../../shared/ast/names.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import { isProjectSpecifier } from "../../../../syntax/resolve-module-path.js";
import { exportedFunction, reexportsOf, resolveModulePath } from "./module-graph.js";
import type { ModuleMember } from "./module-member.js";
import { projectModule, type ProjectModule } from "./project-module.js";

export interface ImportedCallee {
  module: ProjectModule;
  fn: FunctionNode;
  /** The callee as a learner wrote it, for the trace: "findUser", "usersService.findOne". */
  label: string;
}

/** What the resolver needs from the analysis of the calling file. */
export interface CalleeHost {
  moduleMember(node: TSESTree.Node): ModuleMember | undefined;
  initOf(identifier: TSESTree.Identifier): TSESTree.Node | undefined;
}

/** The import that binds `name` at the top of the file: `import { UsersService } from "./users.service"`. */
function importedName(program: TSESTree.Program, name: string): ModuleMember | undefined {
  for (const statement of program.body) {
    if (statement.type !== "ImportDeclaration") continue;
    for (const specifier of statement.specifiers) {
      if (specifier.local.name !== name) continue;
      const module = String(statement.source.value);
      if (specifier.type === "ImportSpecifier") {
        const imported =
          specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
        return { module, members: imported === "default" ? [] : [imported] };
      }
      return { module, members: [] };
    }
  }
  return undefined;
}

function programOf(node: TSESTree.Node): TSESTree.Program | undefined {
  let current: TSESTree.Node | undefined = node;
  while (current && current.type !== "Program") current = current.parent;
  return current;
}

function typeNameOf(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === "TSTypeReference" && type.typeName.type === "Identifier" ? type.typeName.name : undefined;
}

/** `this.usersService` in a class: the declared type of the constructor parameter property or class field. */
function injectedType(member: TSESTree.MemberExpression): string | undefined {
  const name = propertyName(member);
  let owner: TSESTree.Node | undefined = member.parent;
  while (owner && owner.type !== "ClassBody") owner = owner.parent;
  if (!owner || owner.type !== "ClassBody" || !name) return undefined;
  for (const element of owner.body) {
    if (element.type === "PropertyDefinition" && element.key.type === "Identifier" && element.key.name === name)
      return typeNameOf(element.typeAnnotation);
    if (element.type !== "MethodDefinition" || element.kind !== "constructor") continue;
    for (const param of element.value.params) {
      const target = param.type === "TSParameterProperty" ? param.parameter : undefined;
      if (target?.type === "Identifier" && target.name === name) return typeNameOf(target.typeAnnotation);
    }
  }
  return undefined;
}

/** The module and member path a callee names, including instances (`new X()`) and injected services. */
function calleeMember(host: CalleeHost, callee: TSESTree.Node): ModuleMember | undefined {
  const direct = host.moduleMember(callee);
  if (direct) return direct;
  if (callee.type !== "MemberExpression" || callee.computed) return undefined;
  const method = propertyName(callee);
  const object = unwrap(callee.object);
  if (!method) return undefined;
  if (object.type === "Identifier") {
    const init = host.initOf(object);
    const created = init && unwrap(init);
    if (created?.type === "NewExpression") {
      const base = host.moduleMember(created.callee);
      return base && { module: base.module, members: [...base.members, method] };
    }
    return undefined;
  }
  if (object.type === "MemberExpression" && object.object.type === "ThisExpression") {
    const type = injectedType(object);
    const program = type ? programOf(callee) : undefined;
    const base = program && type ? importedName(program, type) : undefined;
    return base && { module: base.module, members: [...base.members, method] };
  }
  return undefined;
}

/** The relative module and member path a call's callee names (cheap: no other file is read), if any. */
export function importedMember(host: CalleeHost, call: TSESTree.CallExpression): ModuleMember | undefined {
  const member = calleeMember(host, unwrap(call.callee));
  return member && isProjectSpecifier(member.module) ? member : undefined;
}

/** How many barrel files (`export * from "./users"`, `export { findUser } from "./dao"`) are followed to the definition. */
const MAX_REEXPORT_DEPTH = 3;

/** The module of the review that defines `member`, through barrel files that re-export it. */
function exportedIn(
  fromPath: string,
  member: ModuleMember,
  project: ProjectFiles,
  depth: number,
): { module: ProjectModule; fn: FunctionNode } | undefined {
  const path = resolveModulePath(fromPath, member.module, project.contents);
  const content = path === undefined ? undefined : project.contents.get(path);
  if (path === undefined || content === undefined) return undefined;
  const module = projectModule(project, path, content);
  const ast = module.sourceCode?.ast as unknown as TSESTree.Program | undefined;
  if (!ast) return undefined;
  const fn = exportedFunction(ast, member.members);
  if (fn) return { module, fn };
  if (depth >= MAX_REEXPORT_DEPTH) return undefined;
  for (const next of reexportsOf(ast, member.members)) {
    const reached = exportedIn(path, next, project, depth + 1);
    if (reached) return reached;
  }
  return undefined;
}

/** The function of another review file that `call` invokes through `member` (from importedMember), if that file defines it. */
export function importedCallee(
  member: ModuleMember,
  call: TSESTree.CallExpression,
  fromPath: string,
  project: ProjectFiles,
): ImportedCallee | undefined {
  const callee = unwrap(call.callee);
  const found = exportedIn(fromPath, member, project, 0);
  if (!found) return undefined;
  const { module, fn } = found;
  const label =
    callee.type === "MemberExpression"
      ? (propertyName(callee) ?? "a function")
      : callee.type === "Identifier"
        ? callee.name
        : "a function";
  const owner = callee.type === "MemberExpression" ? unwrap(callee.object) : undefined;
  const ownerName =
    owner?.type === "Identifier" ? owner.name : owner?.type === "MemberExpression" ? propertyName(owner) : undefined;
  return { module, fn, label: ownerName ? `${ownerName}.${label}` : label };
}
