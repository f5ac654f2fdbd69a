/**
 * Allow-list "checks" on an address that a look-alike passes: `url.includes(allowed)`, `url.indexOf(x) !== -1`,
 * `url.startsWith("https://example.com")` (no slash after the host), `host.endsWith("example.com")` (no dot
 * before it), and host patterns without both anchors (`/example\.com/.test(url)`). Reads one expression.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { calleeName, keyName, receiverOf } from "../../shared/ast/names.js";
import { initOf } from "../../shared/ast/scope.js";
import { staticString } from "../../shared/ast/static-values.js";
import { unwrap } from "../../shared/ast/unwrap.js";
import { words } from "../../shared/ast/words.js";

export type WeakCheckKind = "contains" | "prefix" | "suffix" | "pattern";

export interface WeakCheck {
  kind: WeakCheckKind;
  /** The value being checked (`url`, `new URL(x).hostname`). */
  subject: ESTree.Node;
  /** The allowed text when it is known (`https://example.com`, `example\.com`). */
  allowed?: string;
}

/** Last words of names that hold an address: `redirectUrl`, `returnTo`, `next`, `callbackURL`, `hostname`. */
const ADDRESS_WORDS = new Set([
  "url",
  "uri",
  "href",
  "redirect",
  "host",
  "hostname",
  "domain",
  "referer",
  "referrer",
  "webhook",
  "callback",
  "target",
  "destination",
  "dest",
  "next",
  "continue",
  "goto",
  "forward",
  "endpoint",
]);
/** Names of the allowed side: `allowedDomain`, `TRUSTED_HOST`, `config.frontendUrl`, `BASE_URL`. */
const ALLOWED_NAME = /allow|white|trust|permit|safe|domain|host|site|base|frontend|client|app|origin|own/i;
/** Lists iterated to compare each element: `ALLOWED.some((domain) => url.includes(domain))`. */
const ITERATORS = new Set(["some", "every", "find", "findIndex", "filter"]);
/** Internal addresses a deny-list names (`url.includes("localhost")`): a different question. */
const DENY_LIKE = /^(localhost|127\.|0\.0\.0\.0|169\.254|10\.|192\.168\.|\[?::1|metadata)/i;

/** The last name of an expression: `req.query.returnTo` -> "returnTo", `new URL(u).hostname` -> "hostname". */
function lastName(node: ESTree.Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === "Identifier") return inner.name;
  if (inner.type === "MemberExpression") return keyName(inner.property, inner.computed);
  if (inner.type === "CallExpression" && calleeName(inner) === "toLowerCase") {
    const receiver = receiverOf(inner);
    return receiver ? lastName(receiver) : undefined;
  }
  return undefined;
}

/** True for a value whose name says it is an address: `url`, `redirectUrl`, `returnTo`, `parsed.hostname`. */
export function isAddressName(node: ESTree.Node): boolean {
  const name = lastName(node);
  if (!name || /allow|white|trust|permit|safe|valid|known/i.test(name)) return false;
  const parts = words(name);
  return ADDRESS_WORDS.has(parts[parts.length - 1] ?? "") || /^return_?to$/i.test(name);
}

/** The string a node stands for: a literal, or a `const` bound to one. */
function knownString(context: Rule.RuleContext, node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = staticString(node);
  if (value !== undefined) return value;
  const inner = unwrap(node);
  if (inner.type !== "Identifier") return undefined;
  const init = initOf(context, inner);
  return init ? staticString(init) : undefined;
}

const looksLikeHost = (text: string) => /[a-z0-9-]\.[a-z]{2,}/i.test(text) && !/\s/.test(text);

/** The parameter of a callback given to `list.some(...)`, `list.find(...)`: an element of a list. */
function isListElement(context: Rule.RuleContext, node: ESTree.Node): boolean {
  if (node.type !== "Identifier") return false;
  const scope = context.sourceCode.getScope(node);
  for (let current: typeof scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(node.name);
    if (!variable) continue;
    const def = variable.defs[0];
    if (def?.type !== "Parameter") return false;
    const fn = def.node as ESTree.Node & { parent?: ESTree.Node };
    const call = fn.parent;
    return call?.type === "CallExpression" && ITERATORS.has(calleeName(call) ?? "");
  }
  return false;
}

/** True for the allowed side of a contains check: a host-like literal, an allowed-named value, a list element. */
function isAllowedValue(context: Rule.RuleContext, node: ESTree.Node | undefined): string | true | undefined {
  if (!node || node.type === "SpreadElement") return undefined;
  const text = knownString(context, node);
  if (text !== undefined)
    return looksLikeHost(text) && !DENY_LIKE.test(text.replace(/^[a-z]+:\/\//i, "")) ? text : undefined;
  if (isListElement(context, unwrap(node))) return true;
  const name = lastName(node);
  return name && ALLOWED_NAME.test(name) ? true : undefined;
}

/** A receiver that is a list or set (`ALLOWED.includes(url)` is an exact match, the safe way). */
function isCollection(context: Rule.RuleContext, node: ESTree.Node): boolean {
  const inner = unwrap(node);
  const init = inner.type === "Identifier" ? initOf(context, inner) : undefined;
  const value = init ? unwrap(init) : inner;
  return value.type === "ArrayExpression" || (value.type === "NewExpression" && calleeName(value) === "Set");
}

/** `url.includes(allowed)` / `url.indexOf(allowed)`: the subject contains the allowed text somewhere. */
function containsCheck(context: Rule.RuleContext, call: ESTree.CallExpression): WeakCheck | undefined {
  const receiver = receiverOf(call);
  if (!receiver || !isAddressName(receiver) || isCollection(context, receiver)) return undefined;
  const allowed = isAllowedValue(context, call.arguments[0] as ESTree.Node | undefined);
  if (!allowed) return undefined;
  return { kind: "contains", subject: receiver, ...(allowed === true ? {} : { allowed }) };
}

/** `url.startsWith("https://example.com")`: passes "https://example.com.evil.test"; with the slash it does not. */
function prefixCheck(context: Rule.RuleContext, call: ESTree.CallExpression): WeakCheck | undefined {
  const receiver = receiverOf(call);
  if (!receiver || !isAddressName(receiver)) return undefined;
  const allowed = knownString(context, call.arguments[0] as ESTree.Node | undefined);
  if (allowed === undefined || !looksLikeHost(allowed) || !/^([a-z][a-z0-9+.-]*:)?\/\/[^/?#]+$/i.test(allowed))
    return undefined;
  return { kind: "prefix", subject: receiver, allowed };
}

/** A host pattern a look-alike matches: not anchored at the start, or with nothing after the host at the end. */
function weakPattern(pattern: string): boolean {
  if (!/[a-z0-9-]\\\.[a-z]{2,}/i.test(pattern)) return false;
  const anchoredStart = pattern.startsWith("^");
  const anchoredEnd = /(\$|\/|\$\))$/.test(pattern);
  return !anchoredStart || !anchoredEnd;
}

/** The pattern of a regex literal, of `new RegExp("literal")`, or of a `const` bound to either. */
function regexPattern(context: Rule.RuleContext, node: ESTree.Node | undefined, depth = 0): string | undefined {
  if (!node || depth > 2) return undefined;
  const inner = unwrap(node);
  if (inner.type === "Literal" && "regex" in inner && inner.regex) return inner.regex.pattern;
  if ((inner.type === "NewExpression" || inner.type === "CallExpression") && calleeName(inner) === "RegExp")
    return staticString(inner.arguments[0] as ESTree.Node | undefined);
  if (inner.type === "Identifier") return regexPattern(context, initOf(context, inner), depth + 1);
  return undefined;
}

/** The weak allow-list check `node` is, if it is one. `indexOf` counts inside its comparison with -1 or 0. */
export function weakUrlCheck(context: Rule.RuleContext, node: ESTree.Node): WeakCheck | undefined {
  const inner = unwrap(node);
  if (inner.type === "BinaryExpression") {
    const left = unwrap(inner.left as ESTree.Node);
    if (left.type !== "CallExpression" || calleeName(left) !== "indexOf") return undefined;
    const against = staticNumber(inner.right);
    // url.indexOf(allowed) !== -1, > -1, >= 0: contains. url.indexOf("https://example.com") === 0: a prefix.
    if (against === -1 || (against === 0 && (inner.operator === ">=" || inner.operator === "<")))
      return containsCheck(context, left);
    if (against === 0 && /^[!=]==?$/.test(inner.operator)) return prefixCheck(context, left);
    return undefined;
  }
  if (inner.type !== "CallExpression") return undefined;
  const name = calleeName(inner);
  const receiver = receiverOf(inner);
  if (name === "includes" && receiver) return containsCheck(context, inner);
  if (name === "startsWith") return prefixCheck(context, inner);
  if (name === "endsWith" && receiver && isAddressName(receiver)) {
    const allowed = knownString(context, inner.arguments[0] as ESTree.Node | undefined);
    // "example.com" passes "evilexample.com"; ".example.com" does not.
    if (allowed !== undefined && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(allowed) && !DENY_LIKE.test(allowed))
      return { kind: "suffix", subject: receiver, allowed };
    return undefined;
  }
  if (name === "test" || name === "match" || name === "search") {
    const [regex, subject] =
      name === "test"
        ? [receiver, inner.arguments[0] as ESTree.Node | undefined]
        : [inner.arguments[0] as ESTree.Node, receiver];
    if (!regex || !subject || !isAddressName(subject)) return undefined;
    const pattern = regexPattern(context, regex);
    return pattern !== undefined && weakPattern(pattern) ? { kind: "pattern", subject, allowed: pattern } : undefined;
  }
  return undefined;
}

function staticNumber(node: ESTree.Node): number | undefined {
  const inner = unwrap(node);
  if (inner.type === "Literal" && typeof inner.value === "number") return inner.value;
  if (inner.type === "UnaryExpression" && inner.operator === "-" && inner.argument.type === "Literal")
    return typeof inner.argument.value === "number" ? -inner.argument.value : undefined;
  return undefined;
}
