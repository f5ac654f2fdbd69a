/**
 * Regular-expression denial of service: a pattern built from input (`new RegExp(q)`, `str.match(q)`),
 * or a catastrophic pattern (nested quantifiers such as `(a+)+`, judged by safe-regex2) run on input.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import safeRegex from "safe-regex2";
import { calleeName, receiverOf } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { staticString } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
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
  if ((inner.type === "NewExpression" || inner.type === "CallExpression") && calleeName(inner) === "RegExp")
    return staticString(inner.arguments[0]);
  if (inner.type === "Identifier") return regexSource(analyzer.initOf(inner), analyzer, depth + 1);
  return undefined;
}

/** The atoms directly before a quantifier in `body` (outside classes they are single chars or escapes; classes whole). */
function quantifiedAtoms(body: string): string[] {
  const atoms: string[] = [];
  let previous = "";
  for (let index = 0; index < body.length; index++) {
    const char = body[index] as string;
    if (char === "\\") {
      previous = body.slice(index, index + 2);
      index++;
    } else if (char === "[") {
      const end = body.indexOf("]", index + 2);
      if (end === -1) return [".*"];
      previous = body.slice(index, end + 1);
      index = end;
    } else if (char === "*" || char === "+" || char === "{") {
      if (previous) atoms.push(previous);
    } else if (char === "(" || char === ")" || char === "|" || char === "?") {
      previous = char === ")" ? "." : "";
    } else {
      previous = char;
    }
  }
  return atoms;
}

/** The literal character a group body must start with (`-` in `(?:-[a-z]+)`, `/` in `(\/\w*)`), if any. */
function leadingLiteral(body: string): string | undefined {
  const text = body.startsWith("?:") ? body.slice(2) : body;
  const first = text[0];
  if (first === undefined) return undefined;
  if (first === "\\") return /[^\w\s]/.test(text[1] ?? "") && !/[dDwWsSbB]/.test(text[1] ?? "") ? text[1] : undefined;
  if ("([.^$|?*+{".includes(first)) return undefined;
  const quantifier = text[1];
  return quantifier === "?" || quantifier === "*" || quantifier === "{" ? undefined : first;
}

/**
 * safe-regex2 judges by star height alone, so `^[a-z0-9]+(?:-[a-z0-9]+)*$` counts as dangerous. A repeated
 * group whose body must start with a literal the repeated parts inside cannot match (a separator) splits the
 * input one way only, and cannot backtrack exponentially. True when every nested repetition is separated so.
 */
function nestedRepetitionsAreSeparated(source: string): boolean {
  const starts: number[] = [];
  let inClass = false;
  let found = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") {
      index++;
      continue;
    }
    if (inClass) {
      if (char === "]") inClass = false;
      continue;
    }
    if (char === "[") inClass = true;
    else if (char === "(") starts.push(index);
    else if (char === ")") {
      const start = starts.pop();
      const next = source[index + 1];
      if (start === undefined || (next !== "*" && next !== "+" && next !== "{")) continue;
      const body = source.slice(start + 1, index);
      const atoms = quantifiedAtoms(body);
      if (atoms.length === 0) continue;
      found = true;
      if (body.includes("|")) return false;
      const literal = leadingLiteral(body);
      if (literal === undefined) return false;
      for (const atom of atoms) {
        try {
          if (new RegExp(atom, "i").test(literal)) return false;
        } catch {
          return false;
        }
      }
    }
  }
  return found;
}

function isCatastrophic(source: string): boolean {
  try {
    return !safeRegex(source) && !nestedRepetitionsAreSeparated(source);
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
    if (taint && taint.shape !== "whole")
      return [{ category: "regex-dos", node: first, sink: `pattern of ${label}`, taint }];
  }
  const [pattern, subject] = REGEX_ON_RECEIVER.has(name)
    ? [regexSource(receiver, analyzer), first]
    : REGEX_AS_ARGUMENT.has(name)
      ? [regexSource(first, analyzer), receiver]
      : [undefined, undefined];
  if (pattern === undefined || !subject || !isCatastrophic(pattern)) return [];
  // A catastrophic pattern is a bug wherever its input comes from, including a validator's parameter (`isValidEmail(value)`).
  const subjectValue = analyzer.value(subject);
  const callerTaint =
    subjectValue.taint?.kind === "caller" && !subjectValue.taint.clean.has("regex-dos")
      ? subjectValue.taint
      : undefined;
  const taint = dangerous(subjectValue, "regex-dos") ?? callerTaint;
  return taint
    ? [
        {
          category: "regex-dos",
          node: REGEX_ON_RECEIVER.has(name) ? receiver : first,
          sink: `catastrophic pattern /${pattern.slice(0, 30)}/ in ${label}`,
          taint,
        },
      ]
    : [];
}
