import type { EslintCheck } from "../../contract/check.js";
import { quotedName } from "../shared/eslint-message-parts.js";
import { isExpressErrorHandlerParameter } from "../shared/express-error-handler.js";
import { filteredRule } from "../shared/filtered-rule.js";
import { typescriptEslintRule } from "../shared/typescript-eslint-rule.js";

/** Unused variables, imports, functions and parameters, through typescript-eslint's `no-unused-vars`. */
export const unusedCodeCheck: EslintCheck = {
  kind: "eslint",
  id: "unused-code",
  criterion: "clean-code",
  description: "A variable, import, function or parameter is declared but never used.",
  defaultLevel: "actionable",
  rule: filteredRule(typescriptEslintRule("no-unused-vars"), {
    names: ["no-unused-vars", "@typescript-eslint/no-unused-vars"],
    skip: isExpressErrorHandlerParameter,
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
