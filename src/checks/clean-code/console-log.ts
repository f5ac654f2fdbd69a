import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { coreRule } from "../shared/core-rule.js";
import { filteredRule } from "../shared/filtered-rule.js";
import { isApplicationCode } from "../shared/is-application-code.js";
import { isCliEntryPoint } from "../shared/is-cli-entry-point.js";

const optionsSchema = z.strictObject({
  allow: z.array(z.string()).default(["warn", "error"]).describe("console methods application code may call."),
});

/** `require.main === module`, `!module.parent`: the block that runs only when the file is started directly. */
function startsDirectly(test: ESTree.Node): boolean {
  const text = (node: ESTree.Node): string =>
    node.type === "MemberExpression" &&
    !node.computed &&
    node.object.type === "Identifier" &&
    node.property.type === "Identifier"
      ? `${node.object.name}.${node.property.name}`
      : node.type === "Identifier"
        ? node.name
        : "";
  if (test.type === "UnaryExpression" && test.operator === "!") return text(test.argument) === "module.parent";
  if (test.type === "BinaryExpression" && (test.operator === "===" || test.operator === "==")) {
    const sides = [text(test.left as ESTree.Node), text(test.right)].sort().join(" ");
    return sides === "module require.main";
  }
  return false;
}

/**
 * The line a server prints once it listens (`app.listen(3000, () => console.log("listening on 3000"))`, or in
 * the `require.main === module` block) is the process talking to whoever started it, not debugging output.
 */
function isStartupMessage(node: ESTree.Node, context: Rule.RuleContext): boolean {
  const ancestors = context.sourceCode.getAncestors(node);
  return ancestors.some((ancestor, index) => {
    if (ancestor.type === "IfStatement") return startsDirectly(ancestor.test);
    const parent = ancestors[index - 1];
    return (
      (ancestor.type === "ArrowFunctionExpression" || ancestor.type === "FunctionExpression") &&
      parent?.type === "CallExpression" &&
      parent.callee.type === "MemberExpression" &&
      parent.callee.property.type === "Identifier" &&
      parent.callee.property.name === "listen"
    );
  });
}

/** Debugging output left in application code, through ESLint's `no-console` (which suggests removing the call). */
export const consoleLogCheck: EslintCheck = {
  kind: "eslint",
  id: "console-log",
  criterion: "clean-code",
  description: "`console.log` is left in application code (tests, scripts and CLI entry points may print).",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule: filteredRule(coreRule("no-console"), {
    names: ["no-console"],
    skip: (node, context) => isStartupMessage(node, context),
  }),
  ruleOptions: (options) => [{ allow: checkOptions(optionsSchema, options, "console-log").allow }],
  appliesTo: (path) => isApplicationCode(path) && !isCliEntryPoint(path),
  learnerMessage: () =>
    "Remove this `console` call once you are done debugging, or log through the app's logger (for example pino) with a level and context. " +
    "Stray console output clutters the server logs, can leak request data, and cannot be turned down in production.",
};
