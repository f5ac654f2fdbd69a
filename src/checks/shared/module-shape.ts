import ts from "typescript";
import { parseSource } from "./parse-source.js";

export interface ModuleShape {
  /** It declares a function, class or method, or calls something: there is behaviour to test. */
  behaviour: boolean;
  /** It exports something (ESM `export`, `module.exports`, `exports.x`): a test can import it. */
  exports: boolean;
}

function isBehaviour(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isClassLike(node);
}

function isTypeOnly(node: ts.Node): boolean {
  return ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node);
}

function isDeclareBlock(node: ts.Node): boolean {
  return ts.isModuleDeclaration(node) && (node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword) ?? false);
}

function isExport(node: ts.Node): boolean {
  if (ts.isExportDeclaration(node) || ts.isExportAssignment(node)) return true;
  if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return true;
  // CommonJS: module.exports = ..., exports.name = ...
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = node.left.getText().replace(/\s/g, "");
    return target === "module.exports" || target.startsWith("module.exports.") || target.startsWith("exports.");
  }
  return false;
}

/**
 * What a module is, read from its syntax: whether it does anything when used, and whether it exports
 * anything. Type-only modules, re-export barrels and plain constants have no behaviour; entry-point
 * scripts (`server.ts`, a migration runner) export nothing.
 */
export function moduleShape(content: string, path: string): ModuleShape {
  const source = parseSource(path, content);
  const shape: ModuleShape = { behaviour: false, exports: false };
  const visit = (node: ts.Node): void => {
    if (shape.behaviour && shape.exports) return;
    if (isExport(node)) shape.exports = true;
    if (isTypeOnly(node) || isDeclareBlock(node) || ts.isExportDeclaration(node)) return;
    if (isBehaviour(node)) shape.behaviour = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return shape;
}
