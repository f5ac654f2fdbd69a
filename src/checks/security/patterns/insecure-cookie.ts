/**
 * insecure-cookie: session and auth cookies readable by scripts or sent over plain HTTP.
 * `res.cookie(name, value, opts)` (Express), `reply.setCookie` (Fastify), `ctx.cookies.set` (Koa) and the
 * `cookie` options of express-session / cookie-session / @fastify/session: `httpOnly: false`,
 * `secure: false` outside a development-only branch, `sameSite: "none"` without `secure: true`, and
 * Express auth cookies set with no options (Express defaults to `httpOnly: false`).
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { calleeName, calleeObject, keyName, readsName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { findProperty, isLiteral, staticString } from "../../shared/ast/static-values.js";
import { words } from "../../shared/ast/words.js";
import { isInsideDevOnlyBranch } from "./is-inside-dev-only-branch.js";

const SENSITIVE_WORDS = new Set([
  "session",
  "sess",
  "sid",
  "token",
  "auth",
  "jwt",
  "refresh",
  "access",
  "remember",
  "login",
  "connect",
  "user",
  "jsessionid",
  "identity",
  "credentials",
]);
const PUBLIC_WORDS = new Set([
  "csrf",
  "xsrf",
  "theme",
  "lang",
  "language",
  "locale",
  "consent",
  "preferences",
  "prefs",
  "cart",
  "currency",
  "tz",
  "timezone",
]);
const RAW_HEADER_SETTERS = new Set(["setHeader", "header", "set", "append", "appendHeader"]);
const SESSION_FACTORIES = /^(session|expressSession|cookieSession|koaSession|fastifySession|secureSession)$/;

/** What a cookie name says about the cookie: sensitive (session/auth), public (theme, csrf) or unknown. */
function sensitivity(name: string | undefined): "sensitive" | "public" | "unknown" {
  if (!name) return "unknown";
  const parts = words(name);
  if (parts.some((word) => PUBLIC_WORDS.has(word))) return "public";
  if (parts.some((word) => SENSITIVE_WORDS.has(word))) return "sensitive";
  return "unknown";
}

/** `cookies().set(...)` or `(await cookies()).set(...)`: Next.js's cookie store from next/headers. */
function isNextCookies(node: ESTree.CallExpression): boolean {
  if (node.callee.type !== "MemberExpression") return false;
  let store: ESTree.Node = node.callee.object;
  if (store.type === "AwaitExpression") store = store.argument;
  return store.type === "CallExpression" && store.callee.type === "Identifier" && store.callee.name === "cookies";
}

/** A cookie-setting call: its name argument, value argument, options argument and framework. */
function cookieCall(
  node: ESTree.CallExpression,
): { name?: ESTree.Node; value?: ESTree.Node; options?: ESTree.Node; express: boolean } | undefined {
  const method = calleeName(node);
  const object = calleeObject(node) ?? "";
  if (method === "cookie" && /^(res|response|resp|reply|this\.res|ctx\.res)$/.test(object))
    return { name: node.arguments[0], value: node.arguments[1], options: node.arguments[2], express: true };
  if (method === "setCookie" && /reply|res|response/.test(object))
    return { name: node.arguments[0], value: node.arguments[1], options: node.arguments[2], express: false };
  // Next.js `cookies().set(name, value, options)` (next/headers): not HttpOnly or Secure unless told, as in Express.
  if (method === "set" && isNextCookies(node))
    return { name: node.arguments[0], value: node.arguments[1], options: node.arguments[2], express: true };
  if (method === "set" && /cookies$/.test(object))
    return { name: node.arguments[0], value: node.arguments[1], options: node.arguments[2], express: false };
  return undefined;
}

/** True when this options object configures a cookie: passed to a cookie call, a session factory, or under `cookie:`. */
function isCookieOptions(object: Node): boolean {
  const parent = object.parent;
  if (!parent) return false;
  if (parent.type === "Property" && keyName(parent.key, parent.computed) === "cookie") return true;
  if (parent.type === "CallExpression") {
    if (cookieCall(parent)?.options === object) return true;
    const name = calleeName(parent) ?? "";
    if (SESSION_FACTORIES.test(name)) return true;
    // fastify.register(fastifyCookie / fastifySession, { ... })
    if (
      name === "register" &&
      /session|cookie/i.test(
        parent.arguments[0]
          ? (parent.arguments[0] as ESTree.Node).type === "Identifier"
            ? (parent.arguments[0] as ESTree.Identifier).name
            : ""
          : "",
      )
    )
      return true;
  }
  return false;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    hasSuggestions: true,
    docs: { description: "Protect session and auth cookies with httpOnly, secure and sameSite." },
    messages: {
      httpOnlyOff:
        "Set `httpOnly: true` on this cookie. With `httpOnly: false`, any script on the page (including one injected through an XSS bug) can read the session and send it to an attacker.",
      secureOff:
        'Set `secure: true` (or `secure: process.env.NODE_ENV === "production"`). Without it the cookie is also sent over plain HTTP, where anyone on the same network can copy it.',
      sameSiteNone:
        'Add `secure: true` next to `sameSite: "none"`, or use `sameSite: "lax"`. Browsers reject `SameSite=None` cookies that are not `Secure`, and a cross-site cookie over HTTP can be stolen.',
      noOptions:
        'Pass options when setting the `{{cookie}}` cookie: `{ httpOnly: true, secure: true, sameSite: "lax" }`. Express sets cookies readable by scripts and sent over HTTP unless told otherwise.',
      noHttpOnly:
        "Add `httpOnly: true` to the options of the `{{cookie}}` cookie. Express leaves it off by default, so any script on the page can read the cookie.",
      rawSetCookie:
        "Add `HttpOnly; Secure; SameSite=Lax` to this `Set-Cookie` header for the `{{cookie}}` cookie (or use `res.cookie` with options). Without HttpOnly, any script on the page can read it.",
      setTrue: "Set it to true",
    },
    schema: [],
  },
  create(context) {
    function cookieLabel(call: ReturnType<typeof cookieCall>): string | undefined {
      return staticString(call?.name) ?? readsName(call?.name) ?? readsName(call?.value);
    }

    return {
      CallExpression(node) {
        const method = calleeName(node);
        if (method && RAW_HEADER_SETTERS.has(method) && /^set-cookie$/i.test(staticString(node.arguments[0]) ?? "")) {
          const value = node.arguments[1];
          const text =
            value?.type === "TemplateLiteral"
              ? value.quasis.map((quasi) => quasi.value.cooked ?? "").join("x")
              : staticString(value);
          const cookie = text?.split("=")[0]?.trim();
          if (text !== undefined && cookie && sensitivity(cookie) === "sensitive" && !/httponly/i.test(text))
            context.report({ node, messageId: "rawSetCookie", data: { cookie } });
          return;
        }
        const call = cookieCall(node);
        if (!call || !call.express || sensitivity(cookieLabel(call)) !== "sensitive") return;
        // `res.cookie("remember", 1)`: a flag written in the code holds nothing a script could steal.
        if (
          call.value?.type === "Literal" &&
          (typeof call.value.value === "number" || typeof call.value.value === "boolean")
        )
          return;
        const cookie = staticString(call.name) ?? context.sourceCode.getText(call.name as ESTree.Node);
        if (node.arguments.length === 2) context.report({ node, messageId: "noOptions", data: { cookie } });
        else if (
          call.options?.type === "ObjectExpression" &&
          !findProperty(call.options, "httpOnly") &&
          !call.options.properties.some((property) => property.type === "SpreadElement")
        ) {
          context.report({ node, messageId: "noHttpOnly", data: { cookie } });
        }
      },
      ObjectExpression(node) {
        if (!isCookieOptions(node as Node)) return;
        const parent = (node as Node).parent;
        if (parent?.type === "CallExpression") {
          const call = cookieCall(parent);
          if (call && sensitivity(cookieLabel(call)) === "public") return;
        }
        const httpOnly = findProperty(node, "httpOnly");
        const secure = findProperty(node, "secure");
        const sameSite = findProperty(node, "sameSite");
        if (httpOnly && isLiteral(httpOnly.value, false)) {
          const value = httpOnly.value;
          context.report({
            node: httpOnly,
            messageId: "httpOnlyOff",
            suggest: [{ messageId: "setTrue", fix: (fixer) => fixer.replaceText(value, "true") }],
          });
        }
        if (secure && isLiteral(secure.value, false) && !isInsideDevOnlyBranch(context, secure as Node)) {
          const value = secure.value;
          context.report({
            node: secure,
            messageId: "secureOff",
            suggest: [{ messageId: "setTrue", fix: (fixer) => fixer.replaceText(value, "true") }],
          });
        } else if (
          sameSite &&
          /^none$/i.test(staticString(sameSite.value) ?? "") &&
          !(secure && isLiteral(secure.value, true)) &&
          !(secure && !isLiteral(secure.value, false))
        ) {
          context.report({ node: sameSite, messageId: "sameSiteNone" });
        }
      },
    };
  },
};

export const insecureCookie: EslintCheck = {
  kind: "eslint",
  id: "insecure-cookie",
  criterion: "security",
  description: "Session and auth cookies without httpOnly or secure, or sameSite none over HTTP.",
  defaultLevel: "actionable",
  category: "insecure-cookie",
  rule,
};
