import ts from "typescript";

function isBehaviour(node: ts.Node): boolean {
  return ts.isFunctionLike(node) || ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isClassLike(node);
}

function isTypeOnly(node: ts.Node): boolean {
  return ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isImportDeclaration(node) || ts.isExportDeclaration(node);
}

/**
 * True when a module does something when used: it declares a function, class or method, or calls
 * something. Type-only modules, re-export barrels and plain constants have nothing to test.
 */
export function hasRuntimeBehaviour(content: string, path: string): boolean {
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, false);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isTypeOnly(node)) return;
    if (ts.isModuleDeclaration(node) && node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return;
    if (isBehaviour(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
