/**
 * Resolves an expression to the module member it refers to: `exec` imported from "child_process",
 * `cp.exec` after `const cp = require("node:child_process")`, `promisify(exec)`, `fs.promises.readFile`.
 */
import type { TSESLint, TSESTree } from "@typescript-eslint/utils";

export interface ModuleMember {
  /** Module name without a "node:" prefix, e.g. "child_process", "fs/promises". */
  module: string;
  /** Member path inside the module: [] for the default/namespace export, ["exec"], ["promises", "readFile"]. */
  members: string[];
}

type Resolve = (identifier: TSESTree.Identifier) => TSESLint.Scope.Variable | undefined;

function requiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type === "AwaitExpression") return requiredModule(node.argument);
  if (node?.type === "ImportExpression" && node.source.type === "Literal") return String(node.source.value);
  if (node?.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require")
    return undefined;
  const [argument] = node.arguments;
  return argument?.type === "Literal" && typeof argument.value === "string" ? argument.value : undefined;
}

function normalise(module: string): string {
  return module.replace(/^node:/, "");
}

function patternPath(identifier: TSESTree.Node, root: TSESTree.Node): string[] | undefined {
  const path: string[] = [];
  let node: TSESTree.Node = identifier;
  while (node !== root) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (parent.type === "Property" && parent.value === node) {
      if (parent.key.type === "Identifier" && !parent.computed) path.unshift(parent.key.name);
      else if (parent.key.type === "Literal") path.unshift(String(parent.key.value));
      else return undefined;
    } else if (parent.type !== "ObjectPattern" && parent.type !== "AssignmentPattern") {
      return undefined;
    }
    node = parent;
  }
  return path;
}

export function moduleMemberOf(node: TSESTree.Node, resolve: Resolve, depth = 0): ModuleMember | undefined {
  if (depth > 6) return undefined;
  if (node.type === "ChainExpression" || node.type === "TSNonNullExpression" || node.type === "TSAsExpression") {
    return moduleMemberOf(node.expression, resolve, depth + 1);
  }
  const direct = requiredModule(node);
  if (direct) return { module: normalise(direct), members: [] };
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const base = moduleMemberOf(node.object, resolve, depth + 1);
    return base && { module: base.module, members: [...base.members, node.property.name] };
  }
  if (node.type === "CallExpression") {
    // promisify(exec), util.promisify(cp.exec)
    const callee = node.callee;
    const name =
      callee.type === "Identifier"
        ? callee.name
        : callee.type === "MemberExpression" && callee.property.type === "Identifier"
          ? callee.property.name
          : "";
    const [argument] = node.arguments;
    if (name === "promisify" && argument && argument.type !== "SpreadElement")
      return moduleMemberOf(argument, resolve, depth + 1);
    return undefined;
  }
  if (node.type !== "Identifier") return undefined;
  const variable = resolve(node);
  const definition = variable?.defs[0];
  if (!definition) return undefined;
  if (definition.type === "ImportBinding") {
    const specifier = definition.node;
    const declaration = specifier.parent;
    if (declaration?.type !== "ImportDeclaration") return undefined;
    const module = normalise(String(declaration.source.value));
    if (specifier.type === "ImportSpecifier") {
      const imported =
        specifier.imported.type === "Identifier" ? specifier.imported.name : String(specifier.imported.value);
      return { module, members: imported === "default" ? [] : [imported] };
    }
    return { module, members: [] };
  }
  if (definition.type === "Variable" && definition.node.init) {
    const declarator = definition.node;
    const init = declarator.init;
    if (!init) return undefined;
    const base = moduleMemberOf(init, resolve, depth + 1);
    if (!base) return undefined;
    if (declarator.id === definition.name) return base;
    const path = patternPath(definition.name, declarator.id);
    return path && { module: base.module, members: [...base.members, ...path] };
  }
  return undefined;
}
