/**
 * NestJS: a handler declared to answer HTML (`@Header("Content-Type", "text/html")`) returns its response body,
 * so input in the returned string is cross-site scripting, as in `res.send(html)`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { staticString } from "../../../shared/ast/static-values.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import type { SinkHit } from "./sink-hit.js";

type Decorated = { decorators?: { expression: TSESTree.Node }[] };

function answersHtml(method: TSESTree.MethodDefinition): boolean {
  return ((method as Decorated).decorators ?? []).some((decorator) => {
    const expression = decorator.expression;
    if (expression.type !== "CallExpression" || calleeName(expression) !== "Header") return false;
    const [name, value] = expression.arguments;
    return staticString(name)?.toLowerCase() === "content-type" && /text\/html/i.test(staticString(value) ?? "");
  });
}

export function nestHtmlReturnHit(node: TSESTree.ReturnStatement, analyzer: TaintAnalyzer): SinkHit[] {
  if (!node.argument) return [];
  let current: Node | undefined = node.parent;
  while (current && current.type !== "FunctionExpression" && current.type !== "ArrowFunctionExpression")
    current = current.parent;
  // Only the handler's own return, not a callback's inside it.
  if (current?.type !== "FunctionExpression" || current.parent?.type !== "MethodDefinition") return [];
  if (!answersHtml(current.parent)) return [];
  const value = analyzer.value(node.argument);
  const taint = dangerous(value, "xss");
  const shape = value.taint?.shape;
  if (!taint || (shape !== "string" && shape !== "value")) return [];
  return [{ category: "xss", node: node.argument, sink: "HTML response (a NestJS handler's return)", taint }];
}
