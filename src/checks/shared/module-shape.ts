import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { dottedName } from "./ast/names.js";
import { parseFile } from "../../syntax/parse-file.js";
import { walk } from "./ast/walk.js";
import { visitorKeys } from "@typescript-eslint/visitor-keys";

export interface ModuleShape {
  /** It declares a function, class or method, or calls something: there is behaviour to test. */
  behaviour: boolean;
  /** It exports something (ESM `export`, `module.exports`, `exports.x`): a test can import it. */
  exports: boolean;
  /**
   * It only wires things together: a NestJS `@Module` or a DTO/entity class with no methods, a plugin that
   * registers another with its options, an app file that mounts routers. Nothing in it decides anything, so a
   * unit test would only repeat it; the routes it wires are tested through requests (route-untested).
   */
  wiringOnly: boolean;
}

const BEHAVIOUR = new Set<string>([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "TSDeclareFunction",
  "TSEmptyBodyFunctionExpression",
  "CallExpression",
  "NewExpression",
  "ImportExpression",
  "ClassDeclaration",
  "ClassExpression",
]);

/** Nodes that only describe types, or import: nothing under them runs. */
const TYPE_ONLY = new Set<string>([
  "TSTypeAnnotation",
  "TSTypeParameterDeclaration",
  "TSTypeParameterInstantiation",
  "TSInterfaceDeclaration",
  "TSTypeAliasDeclaration",
  "ImportDeclaration",
  "TSImportEqualsDeclaration",
]);

function isExport(node: TSESTree.Node): boolean {
  if (
    node.type === "ExportNamedDeclaration" ||
    node.type === "ExportDefaultDeclaration" ||
    node.type === "ExportAllDeclaration"
  )
    return true;
  if (node.type === "TSExportAssignment") return true;
  // CommonJS: module.exports = ..., exports.name = ...
  if (node.type === "AssignmentExpression" && node.operator === "=") {
    const target = dottedName(node.left) ?? "";
    return target === "module.exports" || target.startsWith("module.exports.") || target.startsWith("exports.");
  }
  return false;
}

/** `export { a } from "b"`, `export { a }`, `export * from "b"`: re-exports, no code of their own. */
function isReExport(node: TSESTree.Node): boolean {
  return node.type === "ExportAllDeclaration" || (node.type === "ExportNamedDeclaration" && node.declaration === null);
}

/** Nodes that decide something: a branch, a loop, an operator, an error raised or caught. */
const DECISION = new Set<string>([
  "IfStatement",
  "ConditionalExpression",
  "SwitchStatement",
  "ForStatement",
  "ForInStatement",
  "ForOfStatement",
  "WhileStatement",
  "DoWhileStatement",
  "TryStatement",
  "ThrowStatement",
  "BinaryExpression",
]);

const FUNCTION = new Set<string>(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** `process.env.PORT ?? 3000`, `options.name || "app"`: a default value, not a decision. */
function isDefaultValue(node: TSESTree.LogicalExpression): boolean {
  return (
    node.operator !== "&&" &&
    ["Literal", "TemplateLiteral", "ObjectExpression", "ArrayExpression"].includes(node.right.type)
  );
}

/** A function a test could call by name: a declaration, or a function kept in a top-level or exported variable or export. */
function isNamedCallable(node: TSESTree.Node, parent: TSESTree.Node | undefined): boolean {
  if (node.type === "FunctionDeclaration") return true;
  if (!FUNCTION.has(node.type) || !parent) return false;
  if (parent.type === "VariableDeclarator" || parent.type === "ExportDefaultDeclaration") return true;
  // CommonJS: module.exports = function, exports.handler = () => ...
  return parent.type === "AssignmentExpression" && /^(module\.)?exports\b/.test(dottedName(parent.left) ?? "");
}

/** Bootstrapping modules (app.ts, server.ts, main.ts, index.ts) may branch on the environment at the top level. */
const BOOTSTRAP = /(^|\/)(app|server|main|index|bootstrap|start)\.[cm]?[jt]sx?$/i;

/** True when the module decides something: see `ModuleShape.wiringOnly`. */
function hasLogic(source: TSESTree.Program, path: string): boolean {
  let logic = false;
  const bootstrap = BOOTSTRAP.test(path);
  const visit = (node: TSESTree.Node, parent: TSESTree.Node | undefined, inFunction: boolean): void => {
    if (logic || TYPE_ONLY.has(node.type) || (node.type === "TSModuleDeclaration" && node.declare)) return;
    if (node.type === "MethodDefinition" && node.kind !== "constructor" && node.value.body) logic = true;
    else if (node.type === "PropertyDefinition" && node.value && FUNCTION.has(node.value.type)) logic = true;
    else if (isNamedCallable(node, parent)) logic = true;
    else if (
      (inFunction || !bootstrap) &&
      (DECISION.has(node.type) || (node.type === "LogicalExpression" && !isDefaultValue(node)))
    )
      logic = true;
    if (logic) return;
    const nested = inFunction || FUNCTION.has(node.type);
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === "string") visit(item as TSESTree.Node, node, nested);
      }
    }
  };
  visit(source, undefined, false);
  return logic;
}

/**
 * What a module is, read from its syntax: whether it does anything when used, and whether it exports
 * anything. Type-only modules, re-export barrels and plain constants have no behaviour; entry-point
 * scripts (`server.ts`, a migration runner) export nothing. A file that does not parse has neither.
 * `wiringOnly` marks modules with behaviour that decides nothing (see the field).
 */
export function moduleShape(content: string, path: string): ModuleShape {
  const shape: ModuleShape = { behaviour: false, exports: false, wiringOnly: false };
  const source = parseFile(path, content);
  if (!source) return shape;
  walk(source, (node) => {
    if (shape.behaviour && shape.exports) return false;
    if (isExport(node)) shape.exports = true;
    if (TYPE_ONLY.has(node.type) || isReExport(node) || (node.type === "TSModuleDeclaration" && node.declare))
      return false;
    if (BEHAVIOUR.has(node.type)) shape.behaviour = true;
    return true;
  });
  shape.wiringOnly = shape.behaviour && !hasLogic(source, path);
  return shape;
}
