import ts from "typescript";

export interface ImportBinding {
  /** The module specifier as written: `./routes/tasks.js`. */
  specifier: string;
  /** The exported name it binds: `tasksRouter`, or "default" (also for `const x = require(...)`). */
  imported: string;
}

function requireSpecifier(node: ts.Expression | undefined): string | undefined {
  if (!node || !ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== "require") return undefined;
  const first = node.arguments[0];
  return first && ts.isStringLiteral(first) ? first.text : undefined;
}

/**
 * The names a module binds from other modules, by local name: `import { a as b } from "x"`,
 * `import d from "x"`, `const c = require("x")`, `const { e } = require("x")`.
 */
export function importBindings(source: ts.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) bindings.set(clause.name.text, { specifier, imported: "default" });
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
        for (const element of clause.namedBindings.elements) bindings.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requireSpecifier(declaration.initializer);
        if (!specifier) continue;
        if (ts.isIdentifier(declaration.name)) bindings.set(declaration.name.text, { specifier, imported: "default" });
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name)) continue;
            const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            bindings.set(element.name.text, { specifier, imported });
          }
        }
      }
    }
  }
  return bindings;
}
