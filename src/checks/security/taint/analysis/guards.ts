/**
 * Guards that make input safe after them: `if (!ALLOWED.includes(sort)) return`, `switch (kind)` over
 * literals, `if (/^\d+$/.test(id))`, `if (!full.startsWith(root)) throw ...`, host allow-lists on
 * `new URL(x).hostname`, and `if (key === "__proto__") continue`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import { calleeName, receiverOf } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { staticString } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import { dirnameIsRoot, relativeInsideRoot } from "./path-root-guards.js";

export type Facts = Map<string, Set<SecurityCategory> | "all">;

export interface GuardHost {
  /** Identity of a use: a variable for identifiers, source text for member chains. */
  keyOf(node: Node): string | undefined;
  /** The initialiser of the variable an identifier refers to, when it has exactly one definition. */
  initOf(identifier: TSESTree.Identifier): Node | undefined;
  isTainted(node: Node): boolean;
  text(node: Node): string;
}

const HOST_PROPERTIES = new Set(["hostname", "host", "origin"]);
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const WEAK_PREDICATES = /^is(URL|Url|Empty|Array|String|Object|Defined|Undefined|Null|NotEmpty|Present)$/;
const PASS_THROUGH_CALLS =
  /^(resolve|normalize|join|parse|String|Number|parseInt|parseFloat|toLowerCase|toUpperCase|trim|decodeURIComponent|toString|URL)$/;

function add(facts: Facts, keys: readonly string[], categories: readonly SecurityCategory[] | "all"): void {
  for (const key of keys) {
    const existing = facts.get(key);
    if (existing === "all") continue;
    if (categories === "all") {
      facts.set(key, "all");
      continue;
    }
    const set = existing ?? new Set<SecurityCategory>();
    for (const category of categories) set.add(category);
    facts.set(key, set);
  }
}

function union(a: Facts, b: Facts): Facts {
  const result: Facts = new Map(a);
  for (const [key, value] of b) add(result, [key], value === "all" ? "all" : [...value]);
  return result;
}

function intersect(a: Facts, b: Facts): Facts {
  const result: Facts = new Map();
  for (const [key, value] of a) {
    const other = b.get(key);
    if (!other) continue;
    if (value === "all") result.set(key, other);
    else if (other === "all") result.set(key, value);
    else result.set(key, new Set([...value].filter((category) => other.has(category))));
  }
  return result;
}

/** The keys a guard's subject expression stands for, following `new URL(x).hostname`, `path.resolve(root, x)` and aliases. */
export function subjectsOf(node: Node, host: GuardHost, hostOnly = false, depth = 0): string[] {
  if (depth > 5) return [];
  const inner = unwrap(node);
  const keys: string[] = [];
  const own = host.keyOf(inner);
  if (own) keys.push(own);
  if (inner.type === "AwaitExpression") return subjectsOf(inner.argument, host, hostOnly, depth + 1);
  if (inner.type === "Identifier") {
    const init = host.initOf(inner);
    if (init && (init.type === "CallExpression" || init.type === "NewExpression" || init.type === "AwaitExpression"))
      keys.push(...subjectsOf(init, host, hostOnly, depth + 1));
  } else if (inner.type === "MemberExpression" && !inner.computed && inner.property.type === "Identifier") {
    if (HOST_PROPERTIES.has(inner.property.name) || (!hostOnly && inner.property.name === "pathname"))
      keys.push(...subjectsOf(inner.object, host, hostOnly, depth + 1));
  } else if (inner.type === "CallExpression" || inner.type === "NewExpression") {
    const name = calleeName(inner) ?? "";
    if (PASS_THROUGH_CALLS.test(name)) {
      const receiver = receiverOf(inner);
      if (receiver && host.isTainted(receiver)) keys.push(...subjectsOf(receiver, host, hostOnly, depth + 1));
      for (const argument of inner.arguments)
        if (argument.type !== "SpreadElement") keys.push(...subjectsOf(argument, host, hostOnly, depth + 1));
    }
  }
  return keys;
}

function isNegativeIndex(node: Node): boolean {
  const inner = unwrap(node);
  return (
    inner.type === "UnaryExpression" &&
    inner.operator === "-" &&
    inner.argument.type === "Literal" &&
    inner.argument.value === 1
  );
}

function isAnchoredRegex(node: Node, host: GuardHost): boolean {
  const inner = unwrap(node);
  if (inner.type === "Literal" && "regex" in inner && inner.regex) return /^\^.*\$$/s.test(inner.regex.pattern);
  if (inner.type === "Identifier") {
    const init = host.initOf(inner);
    return init !== undefined && isAnchoredRegex(init, host);
  }
  return false;
}

function regexPattern(node: Node): string | undefined {
  const inner = unwrap(node);
  return inner.type === "Literal" && "regex" in inner && inner.regex ? inner.regex.pattern : undefined;
}

/** `["__proto__", ...]`, `new Set(["__proto__", ...])`, or a constant holding either. */
function arrayHasForbiddenKey(node: Node, host?: GuardHost, depth = 0): boolean {
  const inner = unwrap(node);
  if (inner.type === "ArrayExpression")
    return inner.elements.some((element) => element?.type === "Literal" && FORBIDDEN_KEYS.has(String(element.value)));
  if (inner.type === "NewExpression" && calleeName(inner) === "Set" && inner.arguments[0])
    return arrayHasForbiddenKey(inner.arguments[0], host, depth + 1);
  if (inner.type === "Identifier" && host && depth < 2) {
    const init = host.initOf(inner);
    return init !== undefined && arrayHasForbiddenKey(init, host, depth + 1);
  }
  return false;
}

/** What a boolean test proves about its subjects when it evaluates to `truth`. */
export function factsOf(test: Node, truth: boolean, host: GuardHost, rootText: string): Facts {
  const node = unwrap(test);
  const facts: Facts = new Map();
  if (node.type === "UnaryExpression" && node.operator === "!") return factsOf(node.argument, !truth, host, rootText);
  if (node.type === "LogicalExpression" && (node.operator === "&&" || node.operator === "||")) {
    const left = factsOf(node.left, truth, host, rootText);
    const right = factsOf(node.right, truth, host, rootText);
    return (node.operator === "&&") === truth ? union(left, right) : intersect(left, right);
  }
  if (node.type === "BinaryExpression") return binaryFacts(node, truth, host, rootText);
  if (node.type === "CallExpression") return callFacts(node, truth, host, rootText);
  return facts;
}

function binaryFacts(node: TSESTree.BinaryExpression, truth: boolean, host: GuardHost, rootText: string): Facts {
  const facts: Facts = new Map();
  const { operator } = node;
  const left = unwrap(node.left as Node);
  const right = unwrap(node.right);
  if (operator === "in") {
    if (truth && !host.isTainted(right)) add(facts, subjectsOf(left, host), "all");
    return facts;
  }
  const equal = operator === "===" || operator === "==";
  const notEqual = operator === "!==" || operator === "!=";
  if (equal || notEqual) {
    const holds = equal === truth;
    const inFolder = dirnameIsRoot(node, holds, host);
    if (inFolder) add(facts, subjectsOf(inFolder, host), ["path-traversal"]);
    // typeof x === "string"
    if (left.type === "UnaryExpression" && left.operator === "typeof") {
      const type = staticString(right);
      if (holds && type === "number") add(facts, subjectsOf(left.argument, host), "all");
      if (holds && type === "string")
        add(facts, subjectsOf(left.argument, host), ["nosql-injection", "mass-assignment", "prototype-pollution"]);
      return facts;
    }
    // ALLOWED.indexOf(x) !== -1
    if (left.type === "CallExpression" && calleeName(left) === "indexOf" && isNegativeIndex(right)) {
      return callFacts(left, !holds, host, rootText);
    }
    const [subject, literal] =
      right.type === "Literal" || right.type === "TemplateLiteral"
        ? [left, staticString(right) ?? (right.type === "Literal" ? String(right.value) : undefined)]
        : [right, staticString(left)];
    if (literal === undefined) return facts;
    if (FORBIDDEN_KEYS.has(literal)) {
      if (!holds) add(facts, subjectsOf(subject, host), ["prototype-pollution"]);
      return facts;
    }
    if (holds) add(facts, subjectsOf(subject, host, true), "all");
    return facts;
  }
  if ((operator === ">" || operator === ">=") && left.type === "CallExpression" && calleeName(left) === "indexOf") {
    return callFacts(left, truth, host, rootText);
  }
  return facts;
}

function callFacts(node: TSESTree.CallExpression, truth: boolean, host: GuardHost, rootText: string): Facts {
  const facts: Facts = new Map();
  const name = calleeName(node) ?? "";
  const receiver = receiverOf(node);
  const [first, second] = node.arguments.filter(
    (argument): argument is TSESTree.Expression => argument.type !== "SpreadElement",
  );
  const receiverTainted = receiver ? host.isTainted(receiver) : false;

  if ((name === "includes" || name === "has" || name === "indexOf") && receiver && first) {
    if (!receiverTainted) {
      if (arrayHasForbiddenKey(receiver, host)) {
        if (!truth) add(facts, subjectsOf(first, host), ["prototype-pollution"]);
      } else if (truth) {
        add(facts, subjectsOf(first, host, true), "all");
      }
      return facts;
    }
    const needle = staticString(first);
    if (!truth && needle === "..") add(facts, subjectsOf(receiver, host), ["path-traversal"]);
    if (!truth && needle === "://") add(facts, subjectsOf(receiver, host), ["open-redirect"]);
    return facts;
  }
  if ((name === "hasOwnProperty" || name === "hasOwn") && truth) {
    const [container, key] = name === "hasOwn" ? [first, second] : [receiver, first];
    if (container && key && !host.isTainted(container)) add(facts, subjectsOf(key, host), "all");
    return facts;
  }
  const insideRoot = relativeInsideRoot(node, truth, host);
  if (insideRoot) {
    add(facts, subjectsOf(insideRoot, host), ["path-traversal"]);
    return facts;
  }
  if ((name === "startsWith" || name === "endsWith") && receiver && first && truth) {
    const prefix = staticString(first);
    const subjects = subjectsOf(receiver, host);
    if (name === "endsWith") {
      if (prefix?.startsWith(".")) add(facts, subjects, ["ssrf", "open-redirect"]);
      return facts;
    }
    if (prefix === undefined) add(facts, subjects, ["path-traversal"]);
    else if (/^[a-z]+:\/\/[^/]+\//i.test(prefix)) add(facts, subjects, ["ssrf", "open-redirect", "path-traversal"]);
    else if (
      prefix === "/"
        ? /startsWith\(\s*["'`]\/\/["'`]\s*\)|["'`]\/\/["'`]/.test(
            rootText.replace(/startsWith\(\s*["'`]\/["'`]\s*\)/g, ""),
          )
        : prefix.startsWith("/") && prefix.length > 1
    ) {
      add(facts, subjects, ["open-redirect", "path-traversal"]);
    }
    return facts;
  }
  if ((name === "test" || name === "match") && first) {
    const [regex, subject] = name === "test" ? [receiver, first] : [first, receiver];
    if (!regex || !subject) return facts;
    if (isAnchoredRegex(regex, host)) {
      if (truth) add(facts, subjectsOf(subject, host), "all");
    } else if (!truth && regexPattern(regex)?.includes("\\.\\.")) {
      add(facts, subjectsOf(subject, host), ["path-traversal"]);
    }
    return facts;
  }
  if (name === "isNaN" && first) {
    if (!truth) add(facts, subjectsOf(first, host), "all");
    return facts;
  }
  if (/^(is[A-Z]|isValid|check|validate|verify)/.test(name) && !WEAK_PREDICATES.test(name) && truth && first) {
    add(facts, subjectsOf(first, host), "all");
  }
  return facts;
}

function isProcess(node: Node): boolean {
  return node.type === "Identifier" && node.name === "process";
}

function exits(statement: Node | null | undefined): boolean {
  if (!statement) return false;
  switch (statement.type) {
    case "ReturnStatement":
    case "ThrowStatement":
    case "ContinueStatement":
    case "BreakStatement":
      return true;
    case "BlockStatement":
      return exits(statement.body[statement.body.length - 1]);
    case "IfStatement":
      return exits(statement.consequent) && exits(statement.alternate);
    case "ExpressionStatement": {
      // Koa's `ctx.throw(400)`, `this.throw(...)`, `process.exit(1)`: calls that never return.
      const expression = unwrap(statement.expression);
      if (expression.type !== "CallExpression" || expression.callee.type !== "MemberExpression") return false;
      const name = calleeName(expression);
      return name === "throw" || (name === "exit" && isProcess(expression.callee.object));
    }
    default:
      return false;
  }
}

function statementList(node: Node): readonly Node[] | undefined {
  if (node.type === "BlockStatement" || node.type === "Program" || node.type === "StaticBlock") return node.body;
  if (node.type === "SwitchCase") return node.consequent;
  return undefined;
}

/** Categories a use of a value is safe for because of the guards that dominate it. */
export function guardedCategories(use: Node, host: GuardHost): Set<SecurityCategory> | "all" {
  const key = host.keyOf(use);
  const result = new Set<SecurityCategory>();
  if (!key) return result;
  const collect = (facts: Facts): boolean => {
    const found = facts.get(key);
    if (found === "all") return true;
    if (found) for (const category of found) result.add(category);
    return false;
  };
  const check = (test: Node, truth: boolean): boolean => collect(factsOf(test, truth, host, host.text(test)));
  let child: Node = use;
  for (let parent = use.parent; parent; child = parent, parent = parent.parent) {
    if ((parent.type === "IfStatement" || parent.type === "ConditionalExpression") && child !== parent.test) {
      if (check(parent.test, child === parent.consequent)) return "all";
    } else if (
      parent.type === "LogicalExpression" &&
      child === parent.right &&
      (parent.operator === "&&" || parent.operator === "||")
    ) {
      if (check(parent.left, parent.operator === "&&")) return "all";
    } else if (
      parent.type === "SwitchCase" &&
      parent.test &&
      parent.test.type === "Literal" &&
      parent.parent.type === "SwitchStatement"
    ) {
      if (subjectsOf(parent.parent.discriminant, host).includes(key)) return "all";
    }
    const list = statementList(parent);
    if (!list) continue;
    for (const statement of list) {
      if (statement === child) break;
      if (statement.type !== "IfStatement") continue;
      if (exits(statement.consequent) && !exits(statement.alternate)) {
        if (check(statement.test, false)) return "all";
      } else if (statement.alternate && exits(statement.alternate) && !exits(statement.consequent)) {
        if (check(statement.test, true)) return "all";
      }
    }
  }
  return result;
}
