/**
 * insecure-random: `Math.random()` producing something an attacker must not guess: tokens, ids,
 * passwords, one-time codes, reset codes, session ids, API keys, salts. Judged by the name the value
 * is bound to and by the enclosing function's name. Jitter, shuffling, sampling and colours pass.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { enclosingFunctionNames } from "../../shared/ast/functions.js";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { staticString } from "../../shared/ast/static-values.js";
import { words } from "../../shared/ast/words.js";
import { isTestSupport } from "../../shared/is-test-file.js";

const SECRET_WORDS = new Set([
  "token",
  "tokens",
  "secret",
  "password",
  "passwd",
  "pwd",
  "otp",
  "totp",
  "nonce",
  "salt",
  "session",
  "sid",
  "sessionid",
  "apikey",
  "key",
  "code",
  "pin",
  "csrf",
  "xsrf",
  "uuid",
  "guid",
  "id",
  "invite",
  "invitation",
  "coupon",
  "voucher",
  "verification",
  "activation",
  "confirmation",
  "reset",
  "recovery",
  "magic",
  "credential",
  "credentials",
  "passcode",
  "signature",
  "iv",
  "auth",
  "secure",
  "api",
]);
/** Words that say the randomness is for something harmless. */
const HARMLESS_WORDS = new Set([
  "jitter",
  "delay",
  "backoff",
  "retry",
  "color",
  "colour",
  "hue",
  "shuffle",
  "shuffled",
  "sample",
  "sampling",
  "index",
  "idx",
  "chance",
  "probability",
  "x",
  "y",
  "z",
  "position",
  "offset",
  "width",
  "height",
  "size",
  "duration",
  "timeout",
  "wait",
  "sleep",
  "percent",
  "percentage",
  "rate",
  "weight",
  "score",
  "latency",
  "fake",
  "mock",
  "dummy",
  "seed",
  "status",
  "http",
  "error",
  "animation",
  "opacity",
  "angle",
  "speed",
  "temperature",
  "price",
  "quantity",
  "count",
  "age",
  "rating",
  "avatar",
  "emoji",
  "greeting",
  "quote",
  "tip",
  "message",
  "name",
  "test",
  "demo",
  "example",
  "fixture",
  "cache",
  "file",
  "filename",
  "port",
]);
/** Call chains that turn a random number into a string: `.toString(36).substring(2)`. */
const STRINGIFY = new Set(["toString", "substring", "substr", "slice", "padStart", "padEnd", "toUpperCase", "toFixed"]);

type Verdict = "secret" | "harmless" | "unknown";

/** Substrings that mark a secret even inside one word: `uuidv4`, `gentoken`, `makeSessionid`. */
const SECRET_SUBSTRING = /token|secret|passw|uuid|guid|nonce|apikey|sessionid|csrf/i;

function judge(name: string | undefined): Verdict {
  if (!name) return "unknown";
  const parts = words(name);
  if (parts.some((word) => HARMLESS_WORDS.has(word))) return "harmless";
  if (parts.some((word) => SECRET_WORDS.has(word)) || SECRET_SUBSTRING.test(name)) return "secret";
  return "unknown";
}

/** The names the random value ends up under: the variable, key or parameter it is bound to, then the functions around it. */
function namesFor(node: Node): (string | undefined)[] {
  const names: (string | undefined)[] = [];
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (current.type === "VariableDeclarator") {
      names.push(current.id.type === "Identifier" ? current.id.name : undefined);
      break;
    }
    if (current.type === "AssignmentExpression") {
      names.push(
        current.left.type === "Identifier"
          ? current.left.name
          : current.left.type === "MemberExpression"
            ? keyName(current.left.property, current.left.computed)
            : undefined,
      );
      break;
    }
    if (current.type === "Property" && current.value === child) {
      names.push(keyName(current.key, current.computed));
      break;
    }
    if ((current.type === "CallExpression" || current.type === "NewExpression") && current.callee !== child) {
      // A value passed straight into a call: `res.cookie("session_id", ...)`, `setToken(...)`.
      const label = staticString(current.arguments[0]);
      if (label && current.arguments[0] !== child) names.push(label);
      names.push(calleeName(current));
      if (names.some((name) => judge(name) !== "unknown")) break;
    }
    if (
      current.type === "ReturnStatement" ||
      current.type === "ArrowFunctionExpression" ||
      current.type === "FunctionExpression" ||
      current.type === "FunctionDeclaration"
    )
      break;
    if (current.type === "ExpressionStatement" || current.type === "BlockStatement") break;
  }
  names.push(...enclosingFunctionNames(node, 2));
  return names;
}

/** `Math.random().toString(36).substring(2, 10)`: the whole chain, when the value is turned into an id-like string. */
function stringChain(node: Node): Node | undefined {
  let outer: Node = node;
  let stringified = false;
  for (
    let parent = outer.parent;
    parent?.type === "MemberExpression" && parent.object === outer && parent.parent?.type === "CallExpression";
    parent = outer.parent
  ) {
    const method = keyName(parent.property, parent.computed);
    if (!method || !STRINGIFY.has(method)) break;
    stringified ||= method === "toString";
    outer = parent.parent as Node;
  }
  return stringified ? outer : undefined;
}

/** Names of the character sets that random-string helpers pick from: `chars`, `ALPHABET`, `charset`. */
const CHARSET_WORDS = new Set(["chars", "characters", "alphabet", "charset", "alphanumeric", "letters", "symbols"]);

/**
 * `CHARS[Math.floor(Math.random() * CHARS.length)]` or `"abc...".charAt(...)`: building a string out of a
 * character set is how hand-written token and id generators look, whatever the function is called.
 */
function picksFromCharset(node: Node): boolean {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 4; depth++, current = current.parent) {
    if (current.type === "MemberExpression" && current.computed) return isCharset(current.object);
    if (
      current.type === "CallExpression" &&
      current.callee.type === "MemberExpression" &&
      keyName(current.callee.property, current.callee.computed) === "charAt"
    )
      return isCharset(current.callee.object);
  }
  return false;
}

function isCharset(node: ESTree.Node): boolean {
  const text = staticString(node);
  if (text !== undefined) return text.length >= 16 && /^[\x21-\x7e]+$/.test(text);
  return node.type === "Identifier" && words(node.name).some((word) => CHARSET_WORDS.has(word));
}

/** The innermost function around a node, or the program. */
function enclosingFunction(node: Node): Node {
  let current: Node | undefined = node.parent;
  while (current && !/^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression|Program)$/.test(current.type))
    current = current.parent;
  return current ?? node;
}

const simulations = new WeakMap<Node, boolean>();

/**
 * A function that rolls dice for its own outcome (`if (Math.random() < 0.15) throw new Error("timeout")`) simulates
 * a service: a demo's fake payment API, a mock tool, a chaos test. The ids it makes up (`REF${...}`) are part of
 * the act; nobody relies on them being unguessable.
 */
function simulates(fn: Node): boolean {
  let known = simulations.get(fn);
  if (known === undefined) {
    known = false;
    const body = (fn as { body?: unknown }).body;
    const visit = (value: unknown): void => {
      if (known || !value || typeof value !== "object") return;
      if (Array.isArray(value)) return value.forEach(visit);
      const node = value as Node;
      if (typeof node.type !== "string") return;
      if (node !== fn && /^(FunctionDeclaration|FunctionExpression|ArrowFunctionExpression)$/.test(node.type)) return;
      if (
        node.type === "BinaryExpression" &&
        ["<", "<=", ">", ">="].includes(node.operator) &&
        [node.left, node.right].some(
          (side) => side.type === "CallExpression" && dottedName(side.callee as ESTree.Node) === "Math.random",
        ) &&
        [node.left, node.right].some((side) => side.type === "Literal" && typeof side.value === "number")
      ) {
        known = true;
        return;
      }
      for (const key of Object.keys(node))
        if (key !== "parent") visit((node as unknown as Record<string, unknown>)[key]);
    };
    visit(body);
    simulations.set(fn, known);
  }
  return known;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    hasSuggestions: true,
    docs: { description: "Use the crypto module for values that must be unguessable." },
    messages: {
      mathRandom:
        'Generate `{{name}}` with `crypto.randomUUID()`, `crypto.randomBytes(32).toString("hex")` or `crypto.randomInt()` instead of `Math.random()`. `Math.random()` is predictable: after seeing a few outputs, an attacker can work out the next ones.',
      useRandomUuid: "Replace with crypto.randomUUID()",
    },
    schema: [],
  },
  create(context) {
    if (isTestSupport(context.filename) || /(^|\/)(seeds?|seeders|mocks?|fakes?|stories)\//i.test(context.filename))
      return {};
    return {
      CallExpression(node) {
        if (node.arguments.length !== 0 || dottedName(node.callee) !== "Math.random") return;
        let name: string | undefined;
        for (const candidate of namesFor(node as Node)) {
          const verdict = judge(candidate);
          if (verdict === "harmless") return;
          if (verdict === "secret") {
            name = candidate;
            break;
          }
        }
        if (!name && picksFromCharset(node as Node)) name = "a random string";
        if (!name) return;
        if (simulates(enclosingFunction(node as Node))) return;
        const chain = stringChain(node as Node);
        context.report({
          node,
          messageId: "mathRandom",
          data: { name },
          suggest: chain
            ? [
                {
                  messageId: "useRandomUuid",
                  fix: (fixer) => fixer.replaceText(chain as ESTree.Node, "crypto.randomUUID()"),
                },
              ]
            : [],
        });
      },
    };
  },
};

export const insecureRandom: EslintCheck = {
  kind: "eslint",
  id: "insecure-random",
  criterion: "security",
  description: "Math.random() used for tokens, ids, passwords, codes or salts.",
  defaultLevel: "essential",
  category: "insecure-random",
  rule,
};
