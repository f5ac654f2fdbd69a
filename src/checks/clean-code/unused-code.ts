import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { quotedName } from "../shared/eslint-message-parts.js";
import { isExpressErrorHandlerParameter } from "../shared/express-error-handler.js";
import { filteredRule } from "../shared/filtered-rule.js";
import { isTestFile } from "../shared/is-test-file.js";
import { typescriptEslintRule } from "../shared/typescript-eslint-rule.js";

const FUNCTION_TYPES = new Set([
  "FunctionDeclaration",
  "FunctionExpression",
  "ArrowFunctionExpression",
  "TSDeclareFunction",
  "TSEmptyBodyFunctionExpression",
]);

/** The function whose parameter list holds `node`, if `node` is (in) a parameter. */
function functionOfParameter(node: ESTree.Node, context: Rule.RuleContext): ESTree.Function | undefined {
  const ancestors = context.sourceCode.getAncestors(node);
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    const ancestor = ancestors[index] as ESTree.Node;
    if (!FUNCTION_TYPES.has(ancestor.type)) continue;
    const fn = ancestor as ESTree.Function;
    const inParams = fn.params.some((param) => param === node || ancestors.includes(param as never));
    return inParams ? fn : undefined;
  }
  return undefined;
}

/**
 * Reports that are not dead code: declarations in a `.d.ts` file (they describe a module, nothing runs them);
 * parameters of class methods (the signature is shared with the sibling methods or the interface the class
 * implements, and callers dispatch by name: `handleCopyData(msg, connection)`); parameters in test files (a mock
 * implementation or a test callback takes the positional arguments its framework passes).
 */
export function isNotDeadCode(node: ESTree.Node, context: Rule.RuleContext): boolean {
  if (/\.d\.[cm]?ts$/i.test(context.filename)) return true;
  if (isExpressErrorHandlerParameter(node, context)) return true;
  const fn = functionOfParameter(node, context);
  if (!fn) return false;
  if (isTestFile(context.filename.replaceAll("\\", "/"))) return true;
  const parent = (fn as ESTree.Function & { parent?: ESTree.Node }).parent;
  return parent?.type === "MethodDefinition" || (parent?.type as string) === "TSAbstractMethodDefinition";
}

/** Unused variables, imports, functions and parameters, through typescript-eslint's `no-unused-vars`. */
export const unusedCodeCheck: EslintCheck = {
  kind: "eslint",
  id: "unused-code",
  criterion: "clean-code",
  description: "A variable, import, function or parameter is declared but never used.",
  defaultLevel: "actionable",
  rule: filteredRule(typescriptEslintRule("no-unused-vars"), {
    names: ["no-unused-vars", "@typescript-eslint/no-unused-vars"],
    skip: isNotDeadCode,
  }),
  ruleOptions: () => [
    {
      vars: "all",
      args: "after-used",
      argsIgnorePattern: "^_",
      varsIgnorePattern: "^_",
      caughtErrors: "none",
      ignoreRestSiblings: true,
    },
  ],
  learnerMessage: ({ messageId, message }) => {
    const name = quotedName(message) ?? "this name";
    if (messageId === "usedOnlyAsType") {
      return `Import \`${name}\` with \`import type\`, since it is only used as a type. That says at a glance it has no effect when the code runs.`;
    }
    const assigned = message.includes("assigned a value");
    return (
      `Remove \`${name}\`, or use it if you meant to${assigned ? ": it gets a value that nothing reads" : ""}. ` +
      "Unused code makes the next reader wonder what it is for; if it is a parameter you must accept, start its name with `_`."
    );
  },
};
