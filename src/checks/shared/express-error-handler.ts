import type { Rule } from "eslint";
import type * as ESTree from "estree";

type FunctionNode = ESTree.FunctionDeclaration | ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

const FUNCTION_TYPES = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/**
 * True for a parameter of a function with exactly four parameters: Express tells an error handler
 * (`(err, req, res, next) => ...`) from other middleware by its arity, so none of the four may go, even
 * when the handler never calls `next`.
 */
export function isExpressErrorHandlerParameter(node: ESTree.Node, context: Rule.RuleContext): boolean {
  const parent = context.sourceCode.getAncestors(node).findLast((ancestor) => FUNCTION_TYPES.has(ancestor.type)) as
    FunctionNode | undefined;
  if (!parent || parent.params.length !== 4) return false;
  return parent.params.some(
    (param) => param === node || (param.type === "AssignmentPattern" && param.left === node) || rangeHas(param, node),
  );
}

function rangeHas(outer: ESTree.Node, inner: ESTree.Node): boolean {
  const [a, b] = [outer.range, inner.range];
  return a !== undefined && b !== undefined && b[0] >= a[0] && b[1] <= a[1];
}
