import type { Rule } from "eslint";
import type { Node } from "../../shared/ast/node.js";

const DEV_ONLY =
  /NODE_ENV|\bdev(elopment)?\b|isDev|isProd|production|app\.get\(\s*['"]env['"]\s*\)|\blocal(host)?\b|DEBUG/i;

/**
 * True when `node` sits inside a branch chosen by a development-only condition, e.g.
 * `if (process.env.NODE_ENV !== "production") { ... }` or `isDev ? err.stack : undefined`.
 */
export function isInsideDevOnlyBranch(context: Rule.RuleContext, node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if ((current.type === "IfStatement" || current.type === "ConditionalExpression") && current.test !== child) {
      if (DEV_ONLY.test(context.sourceCode.getText(current.test))) return true;
    }
    if (current.type === "LogicalExpression" && current.right === child && current.operator === "&&") {
      if (DEV_ONLY.test(context.sourceCode.getText(current.left))) return true;
    }
    if (current.type === "FunctionDeclaration" || current.type === "Program") return false;
  }
  return false;
}
