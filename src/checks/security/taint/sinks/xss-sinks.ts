/**
 * Cross-site scripting from JavaScript: input in an HTML response (`res.send`, `res.write`/`res.end`
 * with HTML, Koa `ctx.body`, Fastify `reply.type("text/html").send`), and DOM sinks (`innerHTML`,
 * `outerHTML`, `document.write`, `insertAdjacentHTML`, jQuery `.html()` / `.append()` / `$(markup)`), React
 * `dangerouslySetInnerHTML` and `href={input}` (a `javascript:` URL), Angular `bypassSecurityTrust*`, and
 * `serialize-javascript` with `unsafe: true` inside a page.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, propertyName, receiverOf, rootName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, UNKNOWN, type AbstractValue } from "../analysis/taint.js";
import { nestHtmlReturnHit } from "./nest-html-return.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const RESPONSE_NAMES = /^(res|response|reply|resp|rep)$/;
const HTML_TEXT = /<[a-z!/]/i;
const NOT_HTML_TYPE =
  /(["'`]content-type["'`]\s*,\s*["'`](text\/plain|application\/json)|\.type\(\s*["'`](text|txt|json|text\/plain|application\/json|plain)["'`]|\.json\()/i;
const HTML_TYPE = /text\/html|\.type\(\s*["'`]html["'`]/i;
const DOM_PROPERTIES = new Set(["innerHTML", "outerHTML"]);
/** Koa's HTML content type, also set by assignment: `ctx.type = "html"`, `ctx.type = "text/html"`. */
const KOA_HTML_TYPE = new RegExp(`${HTML_TYPE.source}|\\.type\\s*=\\s*["'\`](?:text\\/)?html["'\`]`, "i");

/** The handler sets an HTML type and no other (a content negotiation sets several, one per branch). */
function koaAnswersHtml(handlerText: string): boolean {
  return KOA_HTML_TYPE.test(handlerText) && !/\.type\s*=\s*["'`](?!(?:text\/)?html["'`])/.test(handlerText);
}

function enclosingFunctionText(node: Node, analyzer: TaintAnalyzer): string {
  let current: Node | undefined = node.parent;
  while (
    current &&
    current.type !== "ArrowFunctionExpression" &&
    current.type !== "FunctionExpression" &&
    current.type !== "FunctionDeclaration"
  )
    current = current.parent;
  return current ? analyzer.text(current) : "";
}

function isLeafString(value: AbstractValue): boolean {
  const shape = value.taint?.shape;
  return shape === "string" || shape === "value";
}

function responseHit(call: TSESTree.CallExpression, analyzer: TaintAnalyzer): SinkHit[] {
  const name = calleeName(call);
  const receiver = receiverOf(call);
  if (!receiver || !name || !RESPONSE_NAMES.test(rootName(receiver) ?? "")) return [];
  if (name !== "send" && name !== "write" && name !== "end") return [];
  const [first] = call.arguments;
  if (!first || first.type === "SpreadElement") return [];
  const value = analyzer.value(first);
  const taint = dangerous(value, "xss");
  if (!taint || !isLeafString(value)) return [];
  const context = enclosingFunctionText(call, analyzer);
  const chain = analyzer.text(call.callee);
  if (NOT_HTML_TYPE.test(chain) || NOT_HTML_TYPE.test(context)) return [];
  const html = HTML_TEXT.test(value.text.replaceAll(UNKNOWN, "")) || HTML_TYPE.test(chain) || HTML_TYPE.test(context);
  const expressDefaultsToHtml = name === "send" && rootName(receiver) !== "reply";
  if (!html && !expressDefaultsToHtml) return [];
  return [{ category: "xss", node: first, sink: `HTML response ${calleeLabel(analyzer, call)}()`, taint }];
}

const JQUERY_INSERTERS = new Set([
  "append",
  "prepend",
  "after",
  "before",
  "replaceWith",
  "wrap",
  "wrapAll",
  "wrapInner",
]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formAction"]);

/** `href={input}`: a URL that may be `javascript:...` runs script on click. A fixed prefix ("/users/") makes it a path. */
function urlAttributeHit(node: TSESTree.JSXAttribute, analyzer: TaintAnalyzer): SinkHit[] {
  if (
    node.name.type !== "JSXIdentifier" ||
    !URL_ATTRIBUTES.has(node.name.name) ||
    node.value?.type !== "JSXExpressionContainer"
  )
    return [];
  const expression = node.value.expression;
  if (expression.type === "JSXEmptyExpression") return [];
  const value = analyzer.value(expression);
  const taint = dangerous(value, "xss");
  if (!taint || (value.prefix ?? "") !== "") return [];
  return [
    { category: "xss", node: expression, sink: `${node.name.name}={...} (a javascript: URL runs script)`, taint },
  ];
}

/** Angular's `bypassSecurityTrustHtml(x)` and friends, jQuery inserters, `$("<p>" + x)` and serialize-javascript `unsafe`. */
function frontEndCallHit(call: TSESTree.CallExpression, analyzer: TaintAnalyzer): SinkHit[] {
  const name = calleeName(call) ?? "";
  const [first] = call.arguments;
  if (!first || first.type === "SpreadElement") return [];
  const receiver = receiverOf(call);
  const receiverText = receiver ? analyzer.text(receiver) : "";
  let sink: string | undefined;
  if (/^bypassSecurityTrust(Html|Script|Style|Url|ResourceUrl)$/.test(name)) sink = `${name}()`;
  else if (JQUERY_INSERTERS.has(name) && /^(\$|jQuery)[(.]/.test(receiverText)) sink = `jQuery .${name}()`;
  else if ((name === "$" || name === "jQuery") && !receiver) {
    const value = analyzer.value(first);
    // $(location.hash) or $("<li>" + x): jQuery parses markup; a selector string from the server's own code is not.
    const markup = /</.test(value.text.replaceAll(UNKNOWN, "")) || value.taint?.kind === "dom";
    if (markup) sink = `${name}() with markup`;
  } else if (name === "serialize" && analyzer.moduleMember(call.callee)?.module === "serialize-javascript") {
    const options = call.arguments[1];
    const unsafe = options && options.type === "ObjectExpression" && /\bunsafe\s*:\s*true/.test(analyzer.text(options));
    if (unsafe) sink = "serialize-javascript with unsafe: true";
  }
  if (!sink) return [];
  const taint = dangerous(analyzer.value(first), "xss");
  return taint ? [{ category: "xss", node: first, sink, taint }] : [];
}

/** React's `dangerouslySetInnerHTML={{ __html: x }}` and Handlebars' `new SafeString(x)` skip escaping. */
function unescapedMarkupHit(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "JSXAttribute" && node.name.type === "JSXIdentifier" && URL_ATTRIBUTES.has(node.name.name))
    return urlAttributeHit(node, analyzer);
  if (
    node.type === "JSXAttribute" &&
    node.name.type === "JSXIdentifier" &&
    node.name.name === "dangerouslySetInnerHTML" &&
    node.value?.type === "JSXExpressionContainer"
  ) {
    const html = findProperty(node.value.expression as Node, "__html");
    const taint = html && dangerous(analyzer.value(html.value), "xss");
    return html && taint ? [{ category: "xss", node: html.value, sink: "dangerouslySetInnerHTML", taint }] : [];
  }
  if (node.type === "NewExpression" && calleeName(node) === "SafeString" && node.arguments[0]) {
    const taint = dangerous(analyzer.value(node.arguments[0]), "xss");
    return taint ? [{ category: "xss", node: node.arguments[0], sink: "Handlebars SafeString", taint }] : [];
  }
  return [];
}

export function findXss(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "ReturnStatement") return nestHtmlReturnHit(node, analyzer);
  if (node.type === "JSXAttribute" || node.type === "NewExpression") return unescapedMarkupHit(node, analyzer);
  if (node.type === "AssignmentExpression" && node.left.type === "MemberExpression") {
    const property = propertyName(node.left);
    const value = analyzer.value(node.right);
    const taint = dangerous(value, "xss");
    if (!taint || !property) return [];
    if (DOM_PROPERTIES.has(property)) return [{ category: "xss", node: node.right, sink: property, taint }];
    // Koa: ctx.body = "<p>..." is sent as text/html when it starts with "<" or ctx.type is html
    if (property === "body" && rootName(node.left.object) === "ctx" && isLeafString(value)) {
      const html =
        (value.prefix ?? "").trimStart().startsWith("<") || koaAnswersHtml(enclosingFunctionText(node, analyzer));
      return html ? [{ category: "xss", node: node.right, sink: "ctx.body", taint }] : [];
    }
    return [];
  }
  if (node.type !== "CallExpression") return [];
  const frontEnd = frontEndCallHit(node, analyzer);
  if (frontEnd.length > 0) return frontEnd;
  const name = calleeName(node);
  if (name === "write" || name === "writeln" || name === "insertAdjacentHTML" || name === "html") {
    const receiver = receiverOf(node);
    const receiverText = receiver ? analyzer.text(receiver) : "";
    const argument = name === "insertAdjacentHTML" ? node.arguments[1] : node.arguments[0];
    const isDom =
      name === "write" || name === "writeln"
        ? receiverText === "document"
        : name === "insertAdjacentHTML" || /^\$|jQuery/.test(receiverText);
    if (isDom && argument) {
      const taint = dangerous(analyzer.value(argument), "xss");
      if (taint) return [{ category: "xss", node: argument, sink: `${calleeLabel(analyzer, node)}()`, taint }];
    }
  }
  return responseHit(node, analyzer);
}
