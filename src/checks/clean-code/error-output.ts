/**
 * `console.log(err)`, `console.log("Failed to save", err)`, a console call in a `catch` block or a `.catch(...)` or
 * `on("error", ...)` callback: an error printed
 * at log level. console-log reports it with its own advice (log it as an error), and without the suggestion to
 * delete the call, which would leave the error swallowed.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { isStatusLine } from "./status-line.js";

type Node = ESTree.Node;

const ERROR_NAME = /^(e|ex|err|error|exception|\w+Err|\w+Error)$/i;
const ERROR_TEXT = /\b(error|failed|failure|could not|unable to)\b/i;
const FUNCTION = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration"]);

function textOf(node: Node): string | undefined {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ");
  return undefined;
}

function saysError(argument: Node): boolean {
  if (argument.type === "Identifier") return ERROR_NAME.test(argument.name);
  if (argument.type === "MemberExpression" && !argument.computed && argument.property.type === "Identifier")
    return (
      ERROR_NAME.test(argument.property.name) ||
      (argument.object.type === "Identifier" && ERROR_NAME.test(argument.object.name))
    );
  if (argument.type === "TemplateLiteral" && argument.expressions.some((expression) => saysError(expression as Node)))
    return true;
  const text = textOf(argument);
  return text !== undefined && ERROR_TEXT.test(text);
}

/** The callback of `promise.catch(cb)` or `emitter.on("error", cb)`. */
function errorCallback(fn: Node, call: Node | undefined): boolean {
  if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.callee.computed) return false;
  if (!call.arguments.includes(fn as ESTree.Expression) || call.callee.property.type !== "Identifier") return false;
  const method = call.callee.property.name;
  const [event] = call.arguments;
  return (
    method === "catch" ||
    ((method === "on" || method === "once") && event?.type === "Literal" && event.value === "error")
  );
}

/** True when the console call `node` (its `console.x` member) prints an error. */
export function isErrorOutput(node: Node, context: Rule.RuleContext): boolean {
  const ancestors = context.sourceCode.getAncestors(node) as Node[];
  const call = ancestors[ancestors.length - 1];
  if (call?.type === "CallExpression" && call.arguments.some((argument) => saysError(argument as Node))) return true;
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    const ancestor = ancestors[index] as Node;
    if (ancestor.type === "CatchClause") return true;
    if (FUNCTION.has(ancestor.type)) return errorCallback(ancestor, ancestors[index - 1]);
  }
  return false;
}

/**
 * The rule, reporting a console call that prints an error with `messageId: "errorOnLog"` and no suggestion, and
 * a status line (status-line.ts) with `messageId: "statusLine"` and no suggestion. Every other report passes
 * through unchanged.
 */
export function withErrorOutput(rule: Rule.RuleModule): Rule.RuleModule {
  return {
    ...rule,
    meta: {
      ...rule.meta,
      messages: {
        ...rule.meta?.messages,
        errorOnLog: "An error is printed with a console method that is not for errors.",
        statusLine: "A status line is printed with console instead of a logger.",
      },
    },
    create(context) {
      const report = (descriptor: Rule.ReportDescriptor): void => {
        if ("node" in descriptor && isErrorOutput(descriptor.node as Node, context)) {
          context.report({ node: descriptor.node, messageId: "errorOnLog" });
          return;
        }
        if ("node" in descriptor) {
          const ancestors = context.sourceCode.getAncestors(descriptor.node as Node) as Node[];
          if (isStatusLine(ancestors[ancestors.length - 1])) {
            context.report({ node: descriptor.node, messageId: "statusLine" });
            return;
          }
        }
        context.report(descriptor);
      };
      return rule.create(Object.create(context, { report: { value: report } }) as Rule.RuleContext);
    },
  };
}
