/**
 * Code injection: input run as code by `eval`, `new Function`, string `setTimeout`/`setInterval`,
 * the `vm` module, `safe-eval`, or loaded as a module by `require(x)` / `import(x)`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const GLOBAL_EVALUATORS = new Set(["eval", "Function", "setTimeout", "setInterval", "setImmediate", "execScript", "require"]);
const VM_CALLS = new Set(["runInNewContext", "runInThisContext", "runInContext", "compileFunction", "Script", "SourceTextModule"]);

function firstTainted(args: readonly TSESTree.CallExpressionArgument[], analyzer: TaintAnalyzer, onlyFirst: boolean): SinkHit["taint"] | undefined {
  for (const argument of onlyFirst ? args.slice(0, 1) : args) {
    const inner = unwrap(argument);
    if (inner.type === "ArrowFunctionExpression" || inner.type === "FunctionExpression") return undefined;
    const taint = dangerous(analyzer.value(argument), "code-injection");
    if (taint) return taint;
  }
  return undefined;
}

export function findCodeInjection(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "ImportExpression") {
    const taint = dangerous(analyzer.value(node.source), "code-injection");
    return taint?.kind === "request" ? [{ category: "code-injection", node: node.source, sink: "import()", taint }] : [];
  }
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return [];
  const callee = unwrap(node.callee);
  let label: string | undefined;
  if (callee.type === "Identifier" && GLOBAL_EVALUATORS.has(callee.name) && analyzer.isGlobal(callee)) label = callee.name;
  else if (callee.type === "MemberExpression" && callee.object.type === "Identifier" && ["window", "globalThis", "global"].includes(callee.object.name) && callee.property.type === "Identifier" && GLOBAL_EVALUATORS.has(callee.property.name)) label = callee.property.name;
  else {
    const member = analyzer.moduleMember(node.callee);
    const name = member?.members[member.members.length - 1];
    if (member?.module === "vm" && name && VM_CALLS.has(name)) label = `vm.${name}`;
    else if (member && /^(safe-eval|notevil|eval|static-eval)$/.test(member.module)) label = member.module;
    // node-serialize runs functions embedded in the serialised text; mathjs' old `eval` could reach the Function constructor.
    else if (member?.module === "node-serialize" && name === "unserialize") label = "unserialize";
    else if (member?.module === "mathjs" && name === "eval") label = "mathjs.eval";
  }
  if (!label) return [];
  const found = firstTainted(node.arguments, analyzer, label !== "Function");
  // Loading a module named on the command line or in the environment is how CLIs work; from a request it is not.
  const taint = label === "require" && found && found.kind !== "request" ? undefined : found;
  const at = node.arguments.find((argument) => analyzer.value(argument).taint) ?? node;
  return taint ? [{ category: "code-injection", node: at, sink: `${calleeLabel(analyzer, node)}()`, taint }] : [];
}
