/**
 * Regular-expression denial of service: a pattern built from input (`new RegExp(q)`, `str.match(q)`),
 * or a catastrophic pattern (nested quantifiers such as `(a+)+`, judged by safe-regex2) run on input.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import safeRegex from "safe-regex2";
import { calleeName, receiverOf, stringLiteral, unwrap, type Node } from "../analysis/node-helpers.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const STRING_PATTERN_METHODS = new Set(["match", "matchAll", "search"]);
const REGEX_ON_RECEIVER = new Set(["test", "exec"]);
const REGEX_AS_ARGUMENT = new Set(["match", "matchAll", "search", "replace", "replaceAll", "split"]);

/** The source of a regular expression literal, or of `new RegExp("literal")`, directly or through a const. */
function regexSource(node: Node | undefined, analyzer: TaintAnalyzer, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrap(node);
  if (inner.type === "Literal" && "regex" in inner && inner.regex) return inner.regex.pattern;
  if ((inner.type === "NewExpression" || inner.type === "CallExpression") && calleeName(inner) === "RegExp") return stringLiteral(inner.arguments[0]);
  if (inner.type === "Identifier") return regexSource(analyzer.initOf(inner), analyzer, depth + 1);
  return undefined;
}

function isCatastrophic(source: string): boolean {
  try {
    return !safeRegex(source);
  } catch {
    return false;
  }
}

export function findRegexDos(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return [];
  const name = calleeName(node) ?? "";
  const label = `${calleeLabel(analyzer, node)}()`;
  const [first] = node.arguments;
  if (name === "RegExp" && first) {
    const taint = dangerous(analyzer.value(first), "regex-dos");
    return taint ? [{ category: "regex-dos", node: first, sink: `pattern of ${label}`, taint }] : [];
  }
  if (node.type !== "CallExpression") return [];
  const receiver = receiverOf(node as TSESTree.CallExpression);
  if (!receiver || !first) return [];
  if (STRING_PATTERN_METHODS.has(name) && regexSource(first, analyzer) === undefined) {
    const taint = dangerous(analyzer.value(first), "regex-dos");
    if (taint && taint.shape !== "whole") return [{ category: "regex-dos", node: first, sink: `pattern of ${label}`, taint }];
  }
  const [pattern, subject] = REGEX_ON_RECEIVER.has(name) ? [regexSource(receiver, analyzer), first] : REGEX_AS_ARGUMENT.has(name) ? [regexSource(first, analyzer), receiver] : [undefined, undefined];
  if (pattern === undefined || !subject || !isCatastrophic(pattern)) return [];
  const taint = dangerous(analyzer.value(subject), "regex-dos");
  return taint ? [{ category: "regex-dos", node: REGEX_ON_RECEIVER.has(name) ? receiver : first, sink: `catastrophic pattern /${pattern.slice(0, 30)}/ in ${label}`, taint }] : [];
}
