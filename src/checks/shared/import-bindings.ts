import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { keyName } from "./ast/names.js";

export interface ImportBinding {
  /** The module specifier as written: `./routes/tasks.js`. */
  specifier: string;
  /** The exported name it binds: `tasksRouter`, or "default" (also for `const x = require(...)`). */
  imported: string;
}

function requireSpecifier(node: TSESTree.Expression | null): string | undefined {
  if (node?.type !== "CallExpression" || node.callee.type !== "Identifier" || node.callee.name !== "require")
    return undefined;
  const first = node.arguments[0];
  return first?.type === "Literal" && typeof first.value === "string" ? first.value : undefined;
}

function bindRequire(bindings: Map<string, ImportBinding>, declarator: TSESTree.VariableDeclarator): void {
  const specifier = requireSpecifier(declarator.init);
  if (!specifier) return;
  if (declarator.id.type === "Identifier") bindings.set(declarator.id.name, { specifier, imported: "default" });
  else if (declarator.id.type === "ObjectPattern") {
    for (const property of declarator.id.properties) {
      if (property.type !== "Property") continue;
      const local = property.value.type === "AssignmentPattern" ? property.value.left : property.value;
      if (local.type !== "Identifier") continue;
      const imported = property.key.type === "Identifier" && !property.computed ? property.key.name : local.name;
      bindings.set(local.name, { specifier, imported });
    }
  }
}

/**
 * The names a module binds from other modules, by local name: `import { a as b } from "x"`,
 * `import d from "x"`, `const c = require("x")`, `const { e } = require("x")`.
 */
export function importBindings(source: TSESTree.Program): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const statement of source.body) {
    if (statement.type === "ImportDeclaration") {
      const specifier = statement.source.value;
      for (const element of statement.specifiers) {
        if (element.type === "ImportDefaultSpecifier")
          bindings.set(element.local.name, { specifier, imported: "default" });
        else if (element.type === "ImportSpecifier")
          bindings.set(element.local.name, { specifier, imported: keyName(element.imported) ?? element.local.name });
      }
      continue;
    }
    const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
    if (declaration?.type === "VariableDeclaration")
      for (const declarator of declaration.declarations) bindRequire(bindings, declarator);
  }
  return bindings;
}
