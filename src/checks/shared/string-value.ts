import ts from "typescript";

/** Marks a part of a string computed at run time: `${id}` in a template literal. */
export const DYNAMIC = "\u0000";

/**
 * The text of a string-like expression, with every computed part replaced by DYNAMIC:
 * `"/tasks"`, `` `${base}/tasks/${id}` `` -> "\0/tasks/\0", `"/tasks/" + id` -> "/tasks/\0".
 * Undefined when the expression is not built from strings.
 */
export function stringValue(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((span) => DYNAMIC + span.literal.text).join("");
  if (ts.isParenthesizedExpression(node)) return stringValue(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = stringValue(node.left);
    const right = stringValue(node.right);
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
export function stringProperty(object: ts.ObjectLiteralExpression, key: string): string | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === key) return stringValue(property.initializer);
  }
  return undefined;
}
