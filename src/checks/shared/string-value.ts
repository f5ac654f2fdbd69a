import ts from "typescript";

/** Marks a part of a string computed at run time: `${id}` in a template literal. */
export const DYNAMIC = "\u0000";

/** Finds the string value of a name where it is used, or undefined. */
export type ConstantLookup = (name: ts.Identifier) => string | undefined;

const NO_CONSTANTS: ConstantLookup = () => undefined;

function constInitializer(statement: ts.Statement, name: string): ts.Expression | undefined {
  if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) return undefined;
  const declaration = statement.declarationList.declarations.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
  return declaration?.initializer;
}

/**
 * Follows a name to the nearest enclosing `const name = "text"` (in its block, then outer blocks, then
 * the file), as scoping does. Needs a source file parsed with parent pointers.
 */
export const nearestStringConstant: ConstantLookup = (name) => {
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isModuleBlock(scope)) continue;
    for (const statement of scope.statements) {
      const initializer = constInitializer(statement, name.text);
      if (initializer) return ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer) ? initializer.text : undefined;
    }
  }
  return undefined;
};

/**
 * The text of a string-like expression, with every computed part replaced by DYNAMIC:
 * `"/tasks"`, `` `${base}/tasks/${id}` `` -> "\0/tasks/\0", `"/tasks/" + id` -> "/tasks/\0". Names are
 * replaced by the value `constants` finds for them.
 * Undefined when the expression is not built from strings.
 */
export function stringValue(node: ts.Expression, constants: ConstantLookup = NO_CONSTANTS): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isIdentifier(node)) return constants(node);
  if (ts.isTemplateExpression(node)) {
    const part = (expression: ts.Expression) => (ts.isIdentifier(expression) ? constants(expression) : undefined) ?? DYNAMIC;
    return node.head.text + node.templateSpans.map((span) => part(span.expression) + span.literal.text).join("");
  }
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression, constants);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = stringValue(node.left, constants);
    const right = stringValue(node.right, constants);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? DYNAMIC) + (right ?? DYNAMIC);
  }
  return undefined;
}

/** The name of a property in an object literal, when it is written plainly. */
export function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** A string-valued property of an object literal: `{ url: "/tasks" }` -> "/tasks". */
export function stringProperty(object: ts.ObjectLiteralExpression, key: string, constants: ConstantLookup = NO_CONSTANTS): string | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === key) return stringValue(property.initializer, constants);
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return constants(property.name);
  }
  return undefined;
}
