/**
 * cors-misconfig: credentials allowed for any origin. `cors({ origin: "*" | true | reflect, credentials: true })`
 * in Express, Koa (@koa/cors), Fastify (@fastify/cors) and NestJS (`enableCors`, `cors:` option), and
 * hand-written headers that reflect the request's Origin or send `*` together with
 * `Access-Control-Allow-Credentials: true`.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../check.js";
import { calleeName, dottedName, findProperty, initOf, isLiteral, keyName, staticString, type Node } from "./ast-helpers.js";

const HEADER_SETTERS = new Set(["setHeader", "header", "set", "append", "writeHead", "appendHeader"]);
/** Reads of the request's Origin header: `req.headers.origin`, `req.get("origin")`, `ctx.request.header.origin`. */
function readsRequestOrigin(node: ESTree.Node | null | undefined): boolean {
  if (!node) return false;
  if (node.type === "LogicalExpression") return readsRequestOrigin(node.left);
  if (node.type === "MemberExpression") {
    const name = keyName(node.property, node.computed);
    return (name === "origin" || name === "Origin") && /(req|request|ctx|headers?)/i.test(dottedName(node.object) ?? "");
  }
  if (node.type === "CallExpression") {
    const name = calleeName(node);
    return (name === "get" || name === "header" || name === "getHeader") && /^origin$/i.test(staticString(node.arguments[0]) ?? "");
  }
  return false;
}

/** Allows every origin: `"*"`, `true`, `/.*\/`, or a function that accepts any origin without looking at it. */
function allowsAnyOrigin(value: ESTree.Node): "wildcard" | "reflect" | undefined {
  if (isLiteral(value, "*") || (value.type === "Literal" && "regex" in value && /^\^?\.[*+]\$?$/.test(value.regex.pattern))) return "wildcard";
  if (isLiteral(value, true)) return "reflect";
  if (readsRequestOrigin(value)) return "reflect";
  if (value.type === "ArrowFunctionExpression" || value.type === "FunctionExpression") {
    const body = value.body;
    const statements = body.type === "BlockStatement" ? body.body : [{ type: "ReturnStatement", argument: body } as ESTree.ReturnStatement];
    if (statements.length !== 1) return undefined;
    const only = statements[0];
    const expression = only?.type === "ReturnStatement" ? only.argument : only?.type === "ExpressionStatement" ? only.expression : undefined;
    if (!expression) return undefined;
    const firstParam = value.params[0]?.type === "Identifier" ? value.params[0].name : undefined;
    const callbackParam = value.params[1]?.type === "Identifier" ? value.params[1].name : undefined;
    // (origin, cb) => cb(null, true) / cb(null, origin)
    if (expression.type === "CallExpression" && callbackParam && expression.callee.type === "Identifier" && expression.callee.name === callbackParam) {
      const allowed = expression.arguments[1];
      const reflected = allowed?.type === "LogicalExpression" ? allowed.left : allowed;
      if (isLiteral(allowed, true) || (reflected?.type === "Identifier" && reflected.name === firstParam)) return "reflect";
    }
    // ctx => ctx.request.header.origin (Koa), () => true
    if (readsRequestOrigin(expression) || isLiteral(expression, true) || isLiteral(expression, "*")) return "reflect";
  }
  return undefined;
}

interface HeaderWrite {
  node: ESTree.Node;
  kind: "wildcard" | "reflect";
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Allow credentials only for a fixed list of trusted origins." },
    messages: {
      anyOriginWithCredentials:
        "List the origins you trust (for example `origin: [\"https://app.example.com\"]`) instead of {{how}} while `credentials` is on. As written, any website a logged-in user visits can call this API with their cookies and read the answers.",
      headersWithCredentials:
        "Check the request's Origin against a list of trusted origins before echoing it, or drop `Access-Control-Allow-Credentials`. {{how}} together with credentials lets any website read this API's responses as the logged-in user.",
    },
    schema: [],
  },
  create(context) {
    const headerWrites: HeaderWrite[] = [];
    let credentialsHeader = false;

    /** `const origin = req.headers.origin; ... setHeader(..., origin)` with no check of `origin` on the way. */
    function reflectsUncheckedOrigin(node: ESTree.Node, value: ESTree.Node): boolean {
      if (value.type !== "Identifier") return false;
      const init = initOf(context, value);
      if (!init || !readsRequestOrigin(init)) return false;
      const mentions = new RegExp(`\\b${value.name}\\b`);
      for (let current = (node as Node).parent; current; current = current.parent) {
        if ((current.type === "IfStatement" || current.type === "ConditionalExpression") && mentions.test(context.sourceCode.getText(current.test))) return false;
        if (current.type === "LogicalExpression" && mentions.test(context.sourceCode.getText(current.left))) return false;
      }
      return true;
    }

    function noteHeader(node: ESTree.Node, name: string | undefined, value: ESTree.Node | undefined): void {
      if (!name || !value) return;
      const header = name.toLowerCase();
      if (header === "access-control-allow-credentials") {
        if (isLiteral(value, "true") || isLiteral(value, true)) credentialsHeader = true;
      } else if (header === "access-control-allow-origin") {
        if (isLiteral(value, "*")) headerWrites.push({ node, kind: "wildcard" });
        else if (readsRequestOrigin(value) || reflectsUncheckedOrigin(node, value)) headerWrites.push({ node, kind: "reflect" });
      }
    }

    return {
      ObjectExpression(node) {
        const credentials = findProperty(node, "credentials");
        const origin = findProperty(node, "origin");
        if (!credentials || !origin || !isLiteral(credentials.value, true)) return;
        const kind = allowsAnyOrigin(origin.value);
        if (kind) context.report({ node: origin, messageId: "anyOriginWithCredentials", data: { how: kind === "wildcard" ? "allowing every origin (`*`)" : "accepting whatever origin the request claims" } });
      },
      CallExpression(node) {
        const name = calleeName(node);
        if (!name || !HEADER_SETTERS.has(name)) return;
        const [first, second] = name === "writeHead" ? [node.arguments[1], undefined] : node.arguments;
        if (first?.type === "ObjectExpression") {
          for (const property of first.properties) {
            if (property.type === "Property") noteHeader(property, keyName(property.key, property.computed), property.value);
          }
          return;
        }
        noteHeader(node, staticString(first), second);
      },
      "Program:exit"() {
        if (!credentialsHeader) return;
        for (const write of headerWrites) {
          context.report({ node: write.node, messageId: "headersWithCredentials", data: { how: write.kind === "wildcard" ? "`Access-Control-Allow-Origin: *`" : "Echoing the request's Origin" } });
        }
      },
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
