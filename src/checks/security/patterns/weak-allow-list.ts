/**
 * weak-allow-list: a redirect or outgoing-request allow-list that a look-alike address passes
 * (`url.includes(allowed)`, `startsWith("https://example.com")`, `/example\.com/.test(url)`; weak-url-check.ts).
 * The check itself is reported, on an address-named value, when it decides something:
 * - it guards a redirect or an outgoing request in the same function given the checked value, or the address
 *   it was parsed from (`if (...) res.redirect(url)`; a redirect to a fixed host is not chosen by it), or
 * - it is negated and its branch rejects (`if (!url.includes(ALLOWED)) throw ...`, `return res.status(400)`), or
 * - it is what a validator returns (`isSafeRedirect(url) { return url.startsWith(...) }`), whose caller may sit
 *   in another file.
 */
import { escapeRegExp } from "../../shared/escape-reg-exp.js";
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { isFunction } from "../../shared/ast/functions.js";
import { calleeName, dottedName, keyName, rootName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { initOf } from "../../shared/ast/scope.js";
import { walk } from "../../shared/ast/walk.js";
import type { TSESTree } from "@typescript-eslint/utils";
import { isSampleData } from "../../shared/is-sample-data.js";
import { weakUrlCheck, type WeakCheck } from "./weak-url-check.js";

type Sink = "redirect" | "request";

/** HTTP client libraries: any call on them (or of them, `axios(url)`) makes a request. */
const CLIENTS = /^(axios|got|needle|superagent|undici|ky|phin|bent)$/;
const HTTP_METHODS = new Set(["get", "post", "put", "patch", "delete", "head", "request", "fetch"]);
const VALIDATOR_NAME = /allow|safe|valid|trust|permit|white|legit|verif/i;
const ITERATORS = new Set(["some", "every", "find", "findIndex", "filter"]);
const REDIRECT_WORDS = /redirect|return|next|continue|goto|callback|forward|dest|login/i;
const REQUEST_WORDS = /webhook|fetch|proxy|request|download|image|avatar|host|feed|import|endpoint/i;

/** What a call or assignment does with an address: redirect the user, or make a request. */
function sinkOf(node: TSESTree.Node): Sink | undefined {
  if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression") {
    const property = keyName(node.left.property, node.left.computed);
    const object = node.left.object;
    const objectName = object.type === "MemberExpression" ? keyName(object.property) : rootName(object as never);
    if (property === "location" || (property === "href" && objectName === "location")) return "redirect";
    return undefined;
  }
  if (node.type !== "CallExpression") return undefined;
  const name = calleeName(node as never) ?? "";
  const callee = node.callee;
  if (name === "redirect") return "redirect";
  if (callee.type === "MemberExpression") {
    const receiver = dottedName(callee.object as never) ?? "";
    if ((name === "assign" || name === "replace") && /(^|\.)location$/.test(receiver)) return "redirect";
    if (name === "open" && /^window$/.test(receiver)) return "redirect";
    if (CLIENTS.test(receiver)) return "request";
    if (/^(http|https|request|this\.(http|httpService|httpClient|axios))$/.test(receiver) && HTTP_METHODS.has(name))
      return "request";
    return undefined;
  }
  return name === "fetch" || CLIENTS.test(name) ? "request" : undefined;
}

/** The first redirect or request the function makes, if any. */
/** What a redirect or request is given: the call's arguments, or the assigned value. */
function sinkArguments(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === "AssignmentExpression") return [node.right];
  return node.type === "CallExpression" ? node.arguments : [];
}

/**
 * The names the checked value goes by: `url` for `url.includes(...)`; for `parsed.hostname` where
 * `const parsed = new URL(target)`, `parsed` and `target`; for `req.query.next`, the whole chain.
 */
function relatedNames(context: Rule.RuleContext, subject: ESTree.Node): string[] {
  let base: ESTree.Node = subject;
  while (base.type === "MemberExpression" && base.object.type !== "ThisExpression") {
    const object = base.object;
    if (object.type === "Identifier" && /^(req|request|ctx|event|context|window|document)$/.test(object.name)) break;
    base = object;
  }
  if (base.type === "NewExpression" || base.type === "CallExpression") {
    const first = base.arguments[0];
    return first ? [context.sourceCode.getText(first)] : [];
  }
  const names = [context.sourceCode.getText(base)];
  if (base.type === "Identifier") {
    const init = initOf(context, base);
    if (init && (init.type === "NewExpression" || init.type === "CallExpression") && init.arguments[0])
      names.push(context.sourceCode.getText(init.arguments[0]));
  }
  return names;
}

const mentions = (text: string, name: string): boolean =>
  new RegExp(`(^|[^\\w$.])${escapeRegExp(name)}($|[^\\w$])`).test(text);

/** The first redirect or request in the function that is given the checked value (or what it was parsed from). */
function functionSink(context: Rule.RuleContext, fn: ESTree.Function | undefined, names: string[]): Sink | undefined {
  if (!fn || names.length === 0) return undefined;
  let found: Sink | undefined;
  walk(fn.body as unknown as TSESTree.Node, (node) => {
    if (found) return false;
    const sink = sinkOf(node);
    const given = sink
      ? sinkArguments(node).some((argument) => {
          const text = context.sourceCode.getText(argument as unknown as ESTree.Node);
          return names.some((name) => mentions(text, name));
        })
      : false;
    if (sink && given) found = sink;
    return undefined;
  });
  return found;
}

/** Where the check's value goes: climbs `!`, `&&`/`||` and `list.some((d) => ...)` to the deciding node. */
function decidingNode(node: Node): { top: Node; negated: boolean } {
  let current = node;
  let negated = false;
  for (let depth = 0; depth < 12; depth++) {
    const parent = current.parent as Node | undefined;
    if (!parent) break;
    if (parent.type === "UnaryExpression" && parent.operator === "!") negated = !negated;
    else if (parent.type === "LogicalExpression" || parent.type === "ChainExpression") {
      /* keep climbing */
    } else if (parent.type === "ArrowFunctionExpression" && parent.body === current) {
      const call = parent.parent as Node | undefined;
      if (call?.type !== "CallExpression" || !ITERATORS.has(calleeName(call) ?? "")) break;
      current = call;
      continue;
    } else break;
    current = parent;
  }
  return { top: current, negated };
}

/** True for `throw`, a 4xx answer, `return false`, or passing an error on: the branch turns the address away. */
function rejects(statement: Node | null | undefined): boolean {
  if (!statement) return false;
  let found = false;
  walk(statement as unknown as TSESTree.Node, (node) => {
    if (found || isFunction(node)) return false;
    if (node.type === "ThrowStatement") found = true;
    else if (node.type === "ReturnStatement" && node.argument?.type === "Literal" && node.argument.value === false)
      found = true;
    else if (node.type === "CallExpression") {
      const first = node.arguments[0];
      const status = first?.type === "Literal" && typeof first.value === "number" ? first.value : undefined;
      if (status !== undefined && status >= 400 && status < 500) found = true;
      if (first?.type === "NewExpression" && /Error$/.test(calleeName(first) ?? "")) found = true;
    }
    return undefined;
  });
  return found;
}

/** The name a function is known by: its own, or the variable, property or method it is bound to. */
function nameOf(fn: ESTree.Function): string {
  if ("id" in fn && fn.id) return fn.id.name;
  const parent = (fn as Node).parent as Node | undefined;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") return parent.id.name;
  if ((parent?.type === "Property" || parent?.type === "MethodDefinition") && parent.key)
    return keyName(parent.key as never) ?? "";
  return "";
}

function enclosing(node: Node): ESTree.Function | undefined {
  for (let current = node.parent as Node | undefined; current; current = current.parent as Node | undefined)
    if (isFunction(current)) return current as ESTree.Function;
  return undefined;
}

/** The sink the check decides on, or undefined when it decides nothing this rule can tell. */
function decides(
  context: Rule.RuleContext,
  node: Node,
  subject: ESTree.Node,
): { sink?: Sink; fn?: ESTree.Function } | undefined {
  const { top, negated } = decidingNode(node);
  const parent = top.parent as Node | undefined;
  const fn = enclosing(top);
  const sink = functionSink(context, fn, relatedNames(context, subject));
  if (!parent) return undefined;
  const isTest =
    ((parent.type === "IfStatement" || parent.type === "ConditionalExpression") && parent.test === top) ||
    (parent.type === "VariableDeclarator" && parent.init === top);
  if (isTest && sink) return { sink, fn };
  if (parent.type === "IfStatement" && parent.test === top && negated && rejects(parent.consequent as Node))
    return { fn };
  const returned =
    (parent.type === "ReturnStatement" && parent.argument === top) ||
    (parent.type === "ArrowFunctionExpression" && parent.body === top);
  if (returned && fn && VALIDATOR_NAME.test(nameOf(fn))) return { fn };
  return undefined;
}

function categoryOf(sink: Sink | undefined, subjectText: string, fnName: string): Sink {
  if (sink) return sink;
  const names = `${subjectText} ${fnName}`;
  if (REDIRECT_WORDS.test(names)) return "redirect";
  return REQUEST_WORDS.test(names) ? "request" : "redirect";
}

/** A look-alike address the check lets through, for the message. */
function lookalike(check: WeakCheck): string {
  const allowed = (check.allowed ?? "example.com").replace(/\\/g, "").replace(/^\^|\$$/g, "");
  const host = allowed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").replace(/^\/\//, "");
  switch (check.kind) {
    case "prefix":
      return `${allowed}.evil.test`;
    case "suffix":
      return `https://evil${host}`;
    case "pattern":
      return check.allowed?.startsWith("^")
        ? `https://${host.replace(/\?$/, "")}.evil.test`
        : `https://evil.test/?${host}`;
    default:
      return `https://evil.test/?${host}`;
  }
}

function fixOf(check: WeakCheck): string {
  if (check.kind === "prefix") return `End the allowed prefix with a slash (\`"${check.allowed ?? ""}/"\`)`;
  if (check.kind === "pattern")
    return "Compare `new URL(value).hostname` with a list of exact host names (or anchor the pattern with `^` and `$`)";
  return "Compare `new URL(value).hostname` with a list of exact host names (`ALLOWED_HOSTS.includes(new URL(value).hostname)`)";
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Allow-lists for redirects and outgoing requests that a look-alike address passes." },
    messages: {
      redirect:
        '{{fix}} instead of `{{check}}`. A look-alike address such as "{{lookalike}}" passes this check, so a link to your site can send visitors on to someone else\'s.',
      request:
        '{{fix}} instead of `{{check}}`. A look-alike address such as "{{lookalike}}" passes this check, so a request can make your server call a host you never meant to allow.',
    },
    schema: [],
  },
  create(context) {
    if (isSampleData(context.filename)) return {};
    const visit = (node: ESTree.Node): void => {
      const check = weakUrlCheck(context, node);
      if (!check) return;
      const decided = decides(context, node as Node, check.subject);
      if (!decided) return;
      const text = context.sourceCode.getText(node);
      const messageId = categoryOf(
        decided.sink,
        context.sourceCode.getText(check.subject),
        decided.fn ? nameOf(decided.fn) : "",
      );
      context.report({
        node,
        messageId,
        data: {
          check: text.length > 60 ? `${text.slice(0, 57)}...` : text,
          lookalike: lookalike(check),
          fix: fixOf(check),
        },
      });
    };
    return { CallExpression: visit, BinaryExpression: visit };
  },
};

export const weakAllowList: EslintCheck = {
  kind: "eslint",
  id: "weak-allow-list",
  criterion: "security",
  description:
    "Redirect and outgoing-request allow-lists a look-alike passes (includes, indexOf, startsWith without the slash, unanchored host patterns).",
  defaultLevel: "actionable",
  category: "open-redirect",
  categoryByMessageId: { redirect: "open-redirect", request: "ssrf" },
  rule,
};
