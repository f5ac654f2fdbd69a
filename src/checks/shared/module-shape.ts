import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { dottedName } from "./ast/names.js";
import { parseFile } from "../../syntax/parse-file.js";
import { walk } from "./ast/walk.js";

export interface ModuleShape {
  /** It declares a function, class or method, or calls something: there is behaviour to test. */
  behaviour: boolean;
  /** It exports something (ESM `export`, `module.exports`, `exports.x`): a test can import it. */
  exports: boolean;
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
  if (node.type === "ExportNamedDeclaration" || node.type === "ExportDefaultDeclaration" || node.type === "ExportAllDeclaration") return true;
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

/**
 * What a module is, read from its syntax: whether it does anything when used, and whether it exports
 * anything. Type-only modules, re-export barrels and plain constants have no behaviour; entry-point
 * scripts (`server.ts`, a migration runner) export nothing. A file that does not parse has neither.
 */
export function moduleShape(content: string, path: string): ModuleShape {
  const shape: ModuleShape = { behaviour: false, exports: false };
  const source = parseFile(path, content);
  if (!source) return shape;
  walk(source, (node) => {
    if (shape.behaviour && shape.exports) return false;
    if (isExport(node)) shape.exports = true;
    if (TYPE_ONLY.has(node.type) || isReExport(node) || (node.type === "TSModuleDeclaration" && node.declare)) return false;
    if (BEHAVIOUR.has(node.type)) shape.behaviour = true;
    return true;
  });
  return shape;
}
