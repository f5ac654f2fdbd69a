import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";

type FunctionNode = ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Disallow catch blocks and promise `.catch` handlers that do nothing and say nothing." },
    messages: {
      emptyCatch:
        "Handle the error here: log it with context, answer with an error response, or rethrow it. If ignoring it is right, write a comment in the block saying why. " +
        "An empty catch hides the failure, so the bug shows up later, far from its cause.",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    const isSilent = (block: ESTree.BlockStatement): boolean =>
      block.body.length === 0 && sourceCode.getCommentsInside(block as Rule.Node).length === 0;
    return {
      CatchClause(node: ESTree.CatchClause) {
        if (isSilent(node.body)) context.report({ node, messageId: "emptyCatch" });
      },
      "CallExpression[callee.property.name='catch']"(node: ESTree.CallExpression) {
        const handler = node.arguments[0] as FunctionNode | undefined;
        if (!handler || (handler.type !== "ArrowFunctionExpression" && handler.type !== "FunctionExpression")) return;
        if (handler.body.type === "BlockStatement" && isSilent(handler.body))
          context.report({ node: handler, messageId: "emptyCatch" });
      },
    };
  },
};

/** Errors caught and silently dropped: `catch {}` and `.catch(() => {})`. */
export const emptyCatchCheck: EslintCheck = {
  kind: "eslint",
  id: "empty-catch",
  criterion: "clean-code",
  description: "A caught error is dropped without handling or a comment saying why.",
  defaultLevel: "actionable",
  rule,
};
