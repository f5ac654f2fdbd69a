/**
 * Sinks that are dangerous with any value that is not fixed in the code, whoever supplies it: `eval`,
 * `new Function`, the `vm` module, child_process `exec`/`execSync` (a shell), and `innerHTML`/`outerHTML`.
 * The audit (dangerous-sink) reports one of them when its value is not constant and no input was traced into
 * it: a value the taint analysis traced is its findings' business, reported or found safe (`cleaned`).
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { propertyName } from "../../../shared/ast/names.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { UNKNOWN } from "../analysis/taint.js";
import { calleeLabel } from "./sink-hit.js";

export type AuditKind = "code" | "command" | "html";

export interface AuditHit {
  kind: AuditKind;
  /** The value that reaches the sink. */
  node: Node;
  /** The sink as written: `eval()`, `vm.runInNewContext()`, `cp.exec()`, `innerHTML`. */
  sink: string;
}

const VM_CALLS = new Set(["runInNewContext", "runInThisContext", "runInContext", "compileFunction", "Script"]);
const SHELL_CALLS = new Set(["exec", "execSync"]);
const HTML_PROPERTIES = new Set(["innerHTML", "outerHTML"]);

const CATEGORY: Record<AuditKind, SecurityCategory> = {
  code: "code-injection",
  command: "command-injection",
  html: "xss",
};

/** `COMMANDS[kind]` where `COMMANDS` is a `const` object or array of string literals: one of known strings. */
function constantLookup(node: Node, analyzer: TaintAnalyzer, depth = 0): boolean {
  const inner = unwrap(node);
  if (inner.type === "Identifier" && depth === 0) {
    const init = analyzer.initOf(inner);
    return init !== undefined && constantLookup(init, analyzer, depth + 1);
  }
  if (inner.type !== "MemberExpression" || !inner.computed || inner.object.type !== "Identifier") return false;
  const table = analyzer.initOf(inner.object);
  const values =
    table?.type === "ObjectExpression"
      ? table.properties.map((property) => (property.type === "Property" ? property.value : property))
      : table?.type === "ArrayExpression"
        ? table.elements
        : undefined;
  return (
    values !== undefined &&
    values.length > 0 &&
    values.every((value) => value?.type === "Literal" && typeof value.value === "string")
  );
}

/**
 * True when the value may be any text: not a constant, and not request or browser input the analysis traced
 * (reported by the taint check, or found safe). A parameter of the function (`caller`) is not traced input: who
 * passes what is not known here. A value cleaned for this sink, or by a sanitizer, is not reported.
 */
function untracedText(node: Node | undefined, analyzer: TaintAnalyzer, kind: AuditKind): node is Node {
  if (!node || node.type === "SpreadElement") return false;
  const inner = unwrap(node);
  if (inner.type === "ArrowFunctionExpression" || inner.type === "FunctionExpression") return false;
  const value = analyzer.value(node);
  if (value.cleaned || !value.text.includes(UNKNOWN) || constantLookup(node, analyzer)) return false;
  const taint = value.taint;
  return !taint || (taint.kind !== "request" && taint.kind !== "dom" && !taint.clean.has(CATEGORY[kind]));
}

/** What kind of always-dangerous sink a call is, with its label, if it is one. */
function callSink(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  analyzer: TaintAnalyzer,
): { kind: AuditKind; label: string } | undefined {
  const callee = unwrap(call.callee);
  if (
    callee.type === "Identifier" &&
    (callee.name === "eval" || callee.name === "Function") &&
    analyzer.isGlobal(callee)
  )
    return { kind: "code", label: callee.name === "eval" ? "eval()" : "new Function()" };
  const member = analyzer.moduleMember(call.callee);
  const name = member?.members[member.members.length - 1];
  if (!member || !name) return undefined;
  if (member.module === "vm" && VM_CALLS.has(name)) return { kind: "code", label: `${calleeLabel(analyzer, call)}()` };
  if (member.module === "child_process" && SHELL_CALLS.has(name) && call.type === "CallExpression")
    return { kind: "command", label: `${calleeLabel(analyzer, call)}()` };
  return undefined;
}

/** The audit hit at `node`, if it is an always-dangerous sink given text nobody traced. */
export function findAuditSink(node: Node, analyzer: TaintAnalyzer): AuditHit | undefined {
  if (node.type === "AssignmentExpression") {
    if (node.operator !== "=" && node.operator !== "+=") return undefined;
    const property = node.left.type === "MemberExpression" ? propertyName(node.left) : undefined;
    if (!property || !HTML_PROPERTIES.has(property) || !untracedText(node.right, analyzer, "html")) return undefined;
    return { kind: "html", node: node.right, sink: property };
  }
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return undefined;
  const sink = callSink(node, analyzer);
  if (!sink) return undefined;
  // new Function("a", "b", body): the body is last; the other sinks take the code or command first.
  const argument = sink.label === "new Function()" ? node.arguments[node.arguments.length - 1] : node.arguments[0];
  return untracedText(argument as Node | undefined, analyzer, sink.kind)
    ? { kind: sink.kind, node: argument as Node, sink: sink.label }
    : undefined;
}
