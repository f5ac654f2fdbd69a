/**
 * cors-misconfig: credentials allowed for any origin. `cors({ origin: "*" | true | reflect, credentials: true })`
 * in Express, Koa (@koa/cors), Fastify (@fastify/cors) and NestJS (`enableCors`, `cors:` option), and
 * hand-written headers that reflect the request's Origin or send `*` together with
 * `Access-Control-Allow-Credentials: true`.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { initOf } from "../../shared/ast/scope.js";
import { findProperty, isLiteral, staticString } from "../../shared/ast/static-values.js";

const HEADER_SETTERS = new Set(["setHeader", "header", "set", "append", "writeHead", "appendHeader"]);
/** Reads of the request's Origin header: `req.headers.origin`, `req.get("origin")`, `ctx.request.header.origin`. */
function readsRequestOrigin(node: ESTree.Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === "LogicalExpression") return readsRequestOrigin(node.left);
  if (node.type === "MemberExpression") {
    const name = keyName(node.property, node.computed);
    return (
      (name === "origin" || name === "Origin") && /(req|request|ctx|headers?)/i.test(dottedName(node.object) ?? "")
    );
  }
  if (node.type === "CallExpression") {
    const name = calleeName(node);
    return (
      (name === "get" || name === "header" || name === "getHeader") &&
      /^origin$/i.test(staticString(node.arguments[0]) ?? "")
    );
  }
  return false;
}

/** Allows every origin: `"*"`, `true`, `/.*\/`, or a function that accepts any origin without looking at it. */
function allowsAnyOrigin(value: ESTree.Node): "wildcard" | "reflect" | undefined {
  if (
    isLiteral(value, "*") ||
    (value.type === "Literal" && "regex" in value && /^\^?\.[*+]\$?$/.test(value.regex.pattern))
  )
    return "wildcard";
  if (isLiteral(value, true)) return "reflect";
  if (readsRequestOrigin(value)) return "reflect";
  if (value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression") {
    const body = value.body;
    const statements =
      body.type === "BlockStatement"
        ? body.body
        : [{ type: "ReturnStatement", argument: body } as ESTree.ReturnStatement];
    if (statements.length !== 1) return undefined;
    const only = statements[0];
    const expression =
      only?.type === "ReturnStatement"
        ? only.argument
        : only?.type === "ExpressionStatement"
          ? only.expression
          : undefined;
    if (!expression) return undefined;
    const firstParam = value.params[0]?.type === "Identifier" ? value.params[0].name : undefined;
    const callbackParam = value.params[1]?.type === "Identifier" ? value.params[1].name : undefined;
    // (origin, cb) => cb(null, true) / cb(null, origin)
    if (
      expression.type === "CallExpression" &&
      callbackParam &&
      expression.callee.type === "Identifier" &&
      expression.callee.name === callbackParam
    ) {
      const allowed = expression.arguments[1];
      const reflected = allowed?.type === "LogicalExpression" ? allowed.left : allowed;
      if (isLiteral(allowed, true) || (reflected?.type === "Identifier" && reflected.name === firstParam))
        return "reflect";
    }
    // ctx => ctx.request.header.origin (Koa), () => true
    if (readsRequestOrigin(expression) || isLiteral(expression, true) || isLiteral(expression, "*")) return "reflect";
  }
  return undefined;
}

/** A regex that also matches other hosts: not anchored at the end (`/example\.com/`), or open at the start without a dot (`/example\.com$/`). */
function isLooseOriginRegex(pattern: string): boolean {
  return !pattern.endsWith("$") || (!pattern.startsWith("^") && !/^(\\\.|\\\/)/.test(pattern));
}

/**
 * Origin checks that a look-alike domain passes: `/example\.com/.test(origin)`, `origin.includes("example.com")`,
 * `origin.indexOf("example.com") !== -1`, `origin.endsWith("example.com")` (also `evil-example.com`).
 */
function looseOriginChecks(fn: ESTree.Node, originName: string): ESTree.Node[] {
  const found: ESTree.Node[] = [];
  const isOrigin = (node: ESTree.Node | undefined) => node?.type === "Identifier" && node.name === originName;
  const visit = (node: ESTree.Node, depth: number): void => {
    if (depth > 40) return;
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression") {
      const method = keyName(node.callee.property, node.callee.computed);
      const object = node.callee.object;
      if (
        method === "test" &&
        object.type === "Literal" &&
        "regex" in object &&
        isOrigin(node.arguments[0] as ESTree.Node) &&
        isLooseOriginRegex(object.regex.pattern)
      )
        found.push(node);
      if (
        (method === "match" || method === "search") &&
        isOrigin(object) &&
        node.arguments[0]?.type === "Literal" &&
        "regex" in node.arguments[0] &&
        isLooseOriginRegex(node.arguments[0].regex.pattern)
      )
        found.push(node);
      if ((method === "includes" || method === "indexOf") && isOrigin(object)) found.push(node);
      if (
        method === "endsWith" &&
        isOrigin(object) &&
        !/^[./]/.test(staticString(node.arguments[0] as ESTree.Node) ?? ".")
      )
        found.push(node);
    }
    for (const [key, value] of Object.entries(node) as [string, unknown][]) {
      if (key === "parent" || key === "loc" || key === "range") continue;
      if (Array.isArray(value))
        value.forEach(
          (child) => child && typeof child === "object" && "type" in child && visit(child as ESTree.Node, depth + 1),
        );
      else if (value && typeof value === "object" && "type" in value) visit(value as ESTree.Node, depth + 1);
    }
  };
  visit(fn, 0);
  return found;
}

interface HeaderWrite {
  node: ESTree.Node;
  kind: "wildcard" | "reflect";
}

/** `cors({ origin: "*", credentials: true })`, `origin: /example\.com/`, `origin: (o) => o.endsWith("example.com")`. */
function reportCorsOptions(context: Rule.RuleContext, node: ESTree.ObjectExpression): void {
  const credentials = findProperty(node, "credentials");
  const origin = findProperty(node, "origin");
  if (!credentials || !origin || !isLiteral(credentials.value, true)) return;
  const kind = allowsAnyOrigin(origin.value);
  if (kind) {
    const how = kind === "wildcard" ? "allowing every origin (`*`)" : "accepting whatever origin the request claims";
    context.report({ node: origin, messageId: "anyOriginWithCredentials", data: { how } });
    return;
  }
  const value = origin.value;
  if (value.type === "Literal" && "regex" in value && isLooseOriginRegex(value.regex.pattern)) {
    context.report({ node: origin, messageId: "looseOriginCheck" });
  } else if (
    (value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression") &&
    value.params[0]?.type === "Identifier"
  ) {
    for (const check of looseOriginChecks(value.body, value.params[0].name))
      context.report({ node: check, messageId: "looseOriginCheck" });
  }
}

/**
 * Hand-written CORS headers of a file, as the rule visits `setHeader`/`set`/`header`/`writeHead` calls: the
 * `Access-Control-Allow-Origin` writes that send `*` or echo the request's Origin, and whether the file also
 * allows credentials. Reported together at the end of the file.
 */
class CorsHeaders {
  private readonly writes: HeaderWrite[] = [];
  private credentials = false;

  constructor(private readonly context: Rule.RuleContext) {}

  noteCall(node: ESTree.CallExpression): void {
    const name = calleeName(node);
    if (!name || !HEADER_SETTERS.has(name)) return;
    const [first, second] = name === "writeHead" ? [node.arguments[1], undefined] : node.arguments;
    if (first?.type === "ObjectExpression") {
      for (const property of first.properties) {
        if (property.type === "Property")
          this.noteHeader(property, keyName(property.key, property.computed), property.value);
      }
      return;
    }
    this.noteHeader(node, staticString(first), second);
  }

  report(): void {
    if (!this.credentials) return;
    for (const write of this.writes) {
      const how = write.kind === "wildcard" ? "`Access-Control-Allow-Origin: *`" : "Echoing the request's Origin";
      this.context.report({ node: write.node, messageId: "headersWithCredentials", data: { how } });
    }
  }

  private noteHeader(node: ESTree.Node, name: string | undefined, value: ESTree.Node | undefined): void {
    if (!name || !value) return;
    const header = name.toLowerCase();
    if (header === "access-control-allow-credentials") {
      if (isLiteral(value, "true") || isLiteral(value, true)) this.credentials = true;
    } else if (header === "access-control-allow-origin") {
      if (isLiteral(value, "*")) this.writes.push({ node, kind: "wildcard" });
      else if (readsRequestOrigin(value) || this.reflectsUncheckedOrigin(node, value))
        this.writes.push({ node, kind: "reflect" });
    }
  }

  /** `const origin = req.headers.origin; ... setHeader(..., origin)` with no check of `origin` on the way. */
  private reflectsUncheckedOrigin(node: ESTree.Node, value: ESTree.Node): boolean {
    if (value.type !== "Identifier") return false;
    const init = initOf(this.context, value);
    if (!init || !readsRequestOrigin(init)) return false;
    const mentions = new RegExp(`\\b${value.name}\\b`);
    for (let current = (node as Node).parent; current; current = current.parent) {
      if (
        (current.type === "IfStatement" || current.type === "ConditionalExpression") &&
        mentions.test(this.context.sourceCode.getText(current.test))
      )
        return false;
      if (current.type === "LogicalExpression" && mentions.test(this.context.sourceCode.getText(current.left)))
        return false;
    }
    return true;
  }
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Allow credentials only for a fixed list of trusted origins." },
    messages: {
      anyOriginWithCredentials:
        'List the origins you trust (for example `origin: ["https://app.example.com"]`) instead of {{how}} while `credentials` is on. As written, any website a logged-in user visits can call this API with their cookies and read the answers.',
      looseOriginCheck:
        "Compare the origin exactly against a list of trusted origins (for example `allowed.includes(origin)` on a Set or array, or a regex anchored with `^` and `$`). This check also lets through look-alike sites such as `https://example.com.evil.net` or `https://evilexample.com`, which can then call this API with the user's cookies.",
      headersWithCredentials:
        "Check the request's Origin against a list of trusted origins before echoing it, or drop `Access-Control-Allow-Credentials`. {{how}} together with credentials lets any website read this API's responses as the logged-in user.",
    },
    schema: [],
  },
  create(context) {
    const headers = new CorsHeaders(context);
    return {
      ObjectExpression: (node) => reportCorsOptions(context, node),
      CallExpression: (node) => headers.noteCall(node),
      "Program:exit": () => headers.report(),
    };
  },
};

export const corsMisconfig: EslintCheck = {
  kind: "eslint",
  id: "cors-misconfig",
  criterion: "security",
  description: "CORS that lets any origin make credentialed requests.",
  defaultLevel: "essential",
  category: "cors-misconfig",
  rule,
};
