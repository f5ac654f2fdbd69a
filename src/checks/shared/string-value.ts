import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { keyName } from "./ast/names.js";
import { staticString } from "./ast/static-values.js";

/** Marks a part of a string computed at run time: `${id}` in a template literal. */
export const DYNAMIC = "\u0000";

/** Finds the string value of a name where it is used, or undefined. */
export type ConstantLookup = (name: TSESTree.Identifier) => string | undefined;

const NO_CONSTANTS: ConstantLookup = () => undefined;

function constInitializer(statement: TSESTree.Node, name: string): TSESTree.Expression | undefined {
  const declaration = statement.type === "ExportNamedDeclaration" ? statement.declaration : statement;
  if (declaration?.type !== "VariableDeclaration" || declaration.kind !== "const") return undefined;
  const declarator = declaration.declarations.find(
    (candidate) => candidate.id.type === "Identifier" && candidate.id.name === name,
  );
  return declarator?.init ?? undefined;
}

/**
 * Follows a name to the nearest enclosing `const name = "text"` (in its block, then outer blocks, then
 * the file), as scoping does. Needs a tree with parent pointers (see parseFile).
 */
export const nearestStringConstant: ConstantLookup = (name) => {
  for (let scope: TSESTree.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (scope.type !== "BlockStatement" && scope.type !== "Program" && scope.type !== "TSModuleBlock") continue;
    for (const statement of scope.body) {
      const initializer = constInitializer(statement, name.name);
      if (initializer) return staticString(initializer);
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
export function stringValue(
  node: TSESTree.Node | null | undefined,
  constants: ConstantLookup = NO_CONSTANTS,
): string | undefined {
  if (!node) return undefined;
  if (node.type === "Literal") return typeof node.value === "string" ? node.value : undefined;
  if (node.type === "Identifier") return constants(node);
  if (node.type === "TemplateLiteral") {
    const part = (expression: TSESTree.Expression) =>
      (expression.type === "Identifier" ? constants(expression) : undefined) ?? DYNAMIC;
    const [head, ...tails] = node.quasis.map((quasi) => quasi.value.cooked ?? "");
    return (
      (head ?? "") + tails.map((text, index) => part(node.expressions[index] as TSESTree.Expression) + text).join("")
    );
  }
  if (node.type === "BinaryExpression" && node.operator === "+") {
    const left = stringValue(node.left, constants);
    const right = stringValue(node.right, constants);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? DYNAMIC) + (right ?? DYNAMIC);
  }
  return undefined;
}

/** A string-valued property of an object literal: `{ url: "/tasks" }` -> "/tasks", `{ url }` follows the name. */
export function stringProperty(
  object: TSESTree.ObjectExpression,
  key: string,
  constants: ConstantLookup = NO_CONSTANTS,
): string | undefined {
  for (const property of object.properties) {
    if (property.type !== "Property" || property.kind !== "init" || property.method) continue;
    if (keyName(property.key, property.computed) === key) return stringValue(property.value, constants);
  }
  return undefined;
}
