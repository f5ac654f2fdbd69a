/**
 * Recognising authentication/authorization middleware and guards by name, and routes that need none.
 */
import type * as ESTree from "estree";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import { words } from "../../shared/ast/words.js";

const AUTH_WORDS = new Set([
  "auth",
  "authn",
  "authz",
  "authenticate",
  "authenticated",
  "authentication",
  "authorize",
  "authorized",
  "authorization",
  "authorise",
  "authorised",
  "authorisation",
  "protect",
  "protected",
  "admin",
  "jwt",
  "token",
  "loggedin",
  "logged",
  "signedin",
  "guard",
  "guards",
  "permission",
  "permissions",
  "permit",
  "role",
  "roles",
  "restrict",
  "owner",
  "ownership",
  "passport",
  "login",
  "signin",
  "session",
  "user",
  "clerk",
  "bearer",
  "acl",
  "can",
  "scope",
  "scopes",
]);
const AUTH_PHRASES = /auth|jwt|guard|protect|loggedin|isadmin|requirerole|permission/i;
/** Hook names under which Fastify runs per-route or per-instance middleware. */
export const FASTIFY_HOOKS = new Set(["onRequest", "preHandler", "preValidation", "preParsing", "beforeHandler"]);

/** Routes anyone may call: sign-up, login, password reset, webhooks, health checks. */
export const PUBLIC_ROUTE =
  /login|sessions?\b|log-in|signin|sign-in|logout|log-out|signout|register|signup|sign-up|forgot|reset|password|webhook|hooks?\b|health|ready|alive|live|status|ping|callback|oauth|auth|token|refresh|verify|confirm|activate|invite|csp|public|contact|subscribe|newsletter/i;

function nameIsAuth(name: string | undefined): boolean {
  if (!name) return false;
  if (AUTH_PHRASES.test(name)) return true;
  const parts = words(name);
  // `user` alone (e.g. `userController`) is not auth; `requireUser`, `verifyUser`, `isUser` are.
  return (
    parts.some(
      (word) => AUTH_WORDS.has(word) && word !== "user" && word !== "session" && word !== "can" && word !== "scope",
    ) ||
    (parts.includes("user") &&
      parts.some(
        (word) => word === "require" || word === "verify" || word === "is" || word === "ensure" || word === "check",
      )) ||
    (parts[0] === "can" && parts.length > 1)
  );
}

/** True when a middleware expression authenticates or authorizes: `requireAuth`, `passport.authenticate("jwt")`, `[auth, isAdmin]`. */
export function isAuthMiddleware(node: ESTree.Node | null | undefined, depth = 0): boolean {
  if (!node || depth > 4) return false;
  switch (node.type) {
    case "Identifier":
      return nameIsAuth(node.name);
    case "MemberExpression":
      return nameIsAuth(keyName(node.property, node.computed)) || nameIsAuth(dottedName(node));
    case "CallExpression":
      return (
        nameIsAuth(calleeName(node)) ||
        nameIsAuth(dottedName(node.callee)) ||
        node.arguments.some((argument) => isAuthMiddleware(argument, depth + 1))
      );
    case "SpreadElement":
      return isAuthMiddleware(node.argument, depth + 1);
    case "ArrayExpression":
      return node.elements.some(
        (element) => element !== null && element.type !== "SpreadElement" && isAuthMiddleware(element, depth + 1),
      );
    case "ObjectExpression":
      return node.properties.some(
        (property) =>
          property.type === "Property" &&
          FASTIFY_HOOKS.has(keyName(property.key, property.computed) ?? "") &&
          isAuthMiddleware(property.value, depth + 1),
      );
    default:
      return false;
  }
}
