/**
 * secret-logged: a token, API key, secret, cookie, authorization header, whole request headers or body, or a
 * personal number (card, SSN) passed to a logger. Passwords written to logs are `plaintext-password`'s
 * (message `logged`); this check leaves them to it. The logger names are the ones that check recognises.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { keyName, readsName } from "../shared/ast/names.js";
import { LOGGER, LOG_METHODS } from "../security/patterns/plaintext-password.js";

const SECRET_NAME =
  /^(((access|refresh|id|auth|bearer|session|csrf|reset|api|jwt|github|stripe|slack|oauth)_?)?tokens?|api_?key|secret|client_?secret|\w*_?secret_?key|authorization|cookies?|set-cookie|session_?id|credit_?card|card_?number|cvv|cvc|ssn|private_?key)$/i;
const REQUEST = /^(req|request|ctx\.request|ctx)$/;

/** The secret an expression carries, by name: `token`, `req.headers.authorization`, `req.headers`, `req.body`. */
function secretIn(node: ESTree.Node, text: (node: ESTree.Node) => string): string | undefined {
  if (node.type === "Identifier" || node.type === "MemberExpression") {
    const name = readsName(node);
    if (name && SECRET_NAME.test(name)) return text(node);
    if (
      node.type === "MemberExpression" &&
      (name === "headers" || name === "body" || name === "cookies") &&
      REQUEST.test(text(node.object))
    )
      return text(node);
    return undefined;
  }
  if (node.type === "TemplateLiteral")
    return node.expressions.map((expression) => secretIn(expression, text)).find(Boolean);
  if (node.type === "BinaryExpression" && node.operator === "+")
    return secretIn(node.left as ESTree.Node, text) ?? secretIn(node.right, text);
  if (node.type === "ObjectExpression") {
    for (const property of node.properties) {
      if (property.type === "SpreadElement") {
        const spread = secretIn(property.argument, text);
        if (spread) return spread;
        continue;
      }
      if (property.value.type === "Literal") continue;
      const key = keyName(property.key, property.computed);
      if (key && SECRET_NAME.test(key)) return text(property.value);
      const inner = secretIn(property.value, text);
      if (inner) return inner;
    }
  }
  return undefined;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Keep secrets and personal data out of logs." },
    messages: {
      logged:
        "Leave `{{what}}` out of this log line: log who and what happened (a user id, the route, the outcome), and if the logger has a redact option " +
        '(pino\'s `redact: ["req.headers.authorization"]`) turn it on. Logs are kept, shipped and read by many people; a token there works for ' +
        "whoever reads it. See https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude",
    },
    schema: [],
  },
  create(context) {
    const text = (node: ESTree.Node): string => context.sourceCode.getText(node);
    return {
      CallExpression(node) {
        if (node.callee.type !== "MemberExpression") return;
        const method = keyName(node.callee.property, node.callee.computed) ?? "";
        if (!LOG_METHODS.has(method) || !LOGGER.test(text(node.callee.object))) return;
        for (const argument of node.arguments) {
          const what = argument.type === "SpreadElement" ? undefined : secretIn(argument, text);
          if (what) {
            context.report({
              node,
              messageId: "logged",
              data: { what: what.length > 60 ? `${what.slice(0, 57)}...` : what },
            });
            return;
          }
        }
      },
    };
  },
};

export const secretLoggedCheck: EslintCheck = {
  kind: "eslint",
  id: "secret-logged",
  criterion: "operations",
  description:
    "A token, key, authorization header or personal field passed to a logger (passwords: plaintext-password).",
  defaultLevel: "essential",
  rule,
};
