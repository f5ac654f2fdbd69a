/**
 * Server-side request forgery: input choosing the host (or the whole URL) of an outgoing request made
 * with fetch, axios, got, node-fetch, undici, superagent, request, needle or http(s).get/request.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { calleeName, propertyName } from "../../../shared/ast/names.js";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { findProperty } from "../../../shared/ast/static-values.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous, prefixFixesDestination } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const HTTP_MODULES =
  /^(axios|node-fetch|got|undici|superagent|request|request-promise|request-promise-native|needle|http|https|ky|cross-fetch|isomorphic-fetch|phin|bent|make-fetch-happen)$/;
const HTTP_METHODS = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "head",
  "options",
  "request",
  "fetch",
  "stream",
  "del",
]);
const URL_KEYS = ["url", "uri", "baseURL", "host", "hostname", "href"];

function urlArgument(call: TSESTree.CallExpression, moduleName: string): Node | undefined {
  const [first, second] = call.arguments;
  if (!first || first.type === "SpreadElement") return undefined;
  const inner = unwrap(first);
  if (inner.type === "ObjectExpression") {
    for (const key of URL_KEYS) {
      const property = findProperty(inner, key);
      if (property) return property.value;
    }
    return undefined;
  }
  // needle("get", url)
  if (moduleName === "needle" && inner.type === "Literal" && second && second.type !== "SpreadElement") return second;
  return first;
}

/** NestJS `this.httpService.get(url)` / `this.http.post(url)`: an injected HttpService (axios underneath). */
function injectedHttpClient(object: Node): boolean {
  return (
    object.type === "MemberExpression" &&
    object.object.type === "ThisExpression" &&
    /^(http|httpService|httpClient|axios|axiosInstance)$/.test(propertyName(object) ?? "")
  );
}

/** `const client = url.startsWith("https") ? https : http; client.get(url)`. */
function conditionalHttpModule(object: Node, analyzer: TaintAnalyzer): boolean {
  if (object.type !== "Identifier") return false;
  const init = analyzer.initOf(object);
  const inner = init && unwrap(init);
  if (inner?.type !== "ConditionalExpression") return false;
  return [inner.consequent, inner.alternate].every((branch) => {
    const member = analyzer.moduleMember(branch);
    return member !== undefined && member.members.length === 0 && HTTP_MODULES.test(member.module);
  });
}

const BROWSER_PAGE = /^(page|tab|frame|browserPage|newPage)$/i;

/**
 * A headless browser (puppeteer, playwright) opening a URL or rendering HTML chosen by input: `page.goto(url)`,
 * `page.setContent(html)`. The browser runs inside the server's network and can read `file://` and internal hosts.
 */
function headlessBrowserHit(call: TSESTree.CallExpression, analyzer: TaintAnalyzer): SinkHit[] {
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression") return [];
  const method = propertyName(callee);
  if (method !== "goto" && method !== "setContent") return [];
  const object = unwrap(callee.object);
  const name =
    object.type === "Identifier" ? object.name : object.type === "MemberExpression" ? propertyName(object) : undefined;
  if (!BROWSER_PAGE.test(name ?? "")) return [];
  const [target] = call.arguments;
  if (!target || target.type === "SpreadElement") return [];
  const value = analyzer.value(target);
  const taint = dangerous(value, "ssrf");
  if (!taint || taint.shape === "whole" || (method === "goto" && prefixFixesDestination(value.prefix))) return [];
  const sink =
    method === "goto"
      ? `URL opened by the headless browser's ${calleeLabel(analyzer, call)}()`
      : `HTML rendered by the headless browser's ${calleeLabel(analyzer, call)}()`;
  return [{ category: "ssrf", node: target, sink, taint }];
}

export function findSsrf(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type !== "CallExpression") return [];
  const browser = headlessBrowserHit(node, analyzer);
  if (browser.length > 0) return browser;
  const callee = unwrap(node.callee);
  let moduleName: string | undefined;
  if (callee.type === "Identifier" && callee.name === "fetch" && analyzer.isGlobal(callee)) moduleName = "fetch";
  else if (
    callee.type === "MemberExpression" &&
    HTTP_METHODS.has(propertyName(callee) ?? "") &&
    (injectedHttpClient(callee.object) || conditionalHttpModule(callee.object, analyzer))
  ) {
    moduleName = "http";
  } else {
    const member = analyzer.moduleMember(node.callee);
    if (!member || !HTTP_MODULES.test(member.module)) return [];
    const last = member.members[member.members.length - 1];
    if (member.members.length > 0 && !(last && HTTP_METHODS.has(last))) return [];
    if ((member.module === "http" || member.module === "https") && member.members.length === 0) return [];
    moduleName = member.module;
  }
  const target = urlArgument(node, moduleName);
  if (!target) return [];
  const value = analyzer.value(target);
  const taint = dangerous(value, "ssrf");
  if (!taint || taint.shape === "whole" || prefixFixesDestination(value.prefix)) return [];
  return [
    {
      category: "ssrf",
      node: target,
      sink: `URL of ${calleeLabel(analyzer, node)}()`,
      taint,
      ...(calleeName(node) ? {} : {}),
    },
  ];
}
