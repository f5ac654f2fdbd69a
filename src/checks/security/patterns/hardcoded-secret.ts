/**
 * hardcoded-secret for JS/TS: known token formats in any string, and secret-named variables, options and
 * arguments (`const JWT_SECRET = "..."`, `session({ secret: "keyboard cat" })`, `jwt.sign(p, "literal")`)
 * given a literal that is not a placeholder.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../check.js";
import { bindingName } from "../../shared/ast/functions.js";
import { calleeName, calleeObject, dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { staticString } from "../../shared/ast/static-values.js";
import { words } from "../../shared/ast/words.js";
import { isSampleData } from "../../shared/is-sample-data.js";
import { findSecretFormats, isPasswordHash, isPlaceholder, isSecretName, JWT_PATTERN, redact } from "./secret-patterns.js";

/** Calls whose argument at the given index is a signing or encryption key. */
const KEY_ARGUMENT: Record<string, number> = { sign: 1, verify: 1, createHmac: 1, cookieParser: 0, createSecretKey: 0 };

function upperSnake(name: string): string {
  return words(name).join("_").toUpperCase();
}

/**
 * A sentence meant for people ("Password must be at least 12 characters", "Invalid API key."), as opposed
 * to a passphrase used as a secret ("keyboard cat is the best cat").
 */
function isMessage(value: string): boolean {
  return /^[A-Z]/.test(value) || /[.!?:)]$/.test(value) || /\{|%s|\b(must|should|please|required|invalid|enter|incorrect|wrong|missing|expired|characters?|not|your|the \w+ (is|was|has))\b/i.test(value);
}

/** A literal worth reporting as a secret: not a placeholder, a hash, an env var name or a sentence. */
function secretLiteral(node: ESTree.Node | null | undefined, name?: string): string | undefined {
  const value = staticString(node);
  if (value === undefined || value.length < 4) return undefined;
  // `{ password: "Password" }`, `{ apiKey: "API key" }`: a capitalised label, not a value. (`secret: "secret"` stays a secret.)
  if (name !== undefined && /^[A-Z]/.test(value) && words(value).join("") === words(name).join("").slice(-words(value).join("").length)) return undefined;
  if (isPlaceholder(value) || isPasswordHash(value)) return undefined;
  if (/^[A-Z][A-Z0-9_]+$/.test(value) && value.includes("_")) return undefined; // names an env variable
  if ((value.match(/ /g) ?? []).length >= 2 && isMessage(value)) return undefined; // a sentence: a message, not a secret
  if (findSecretFormats(value).length > 0) return undefined; // reported by the format scan already
  return value;
}

/** The literal of `x`, or of the fallback in `process.env.X || "literal"` / `?? "literal"`. */
function literalOrFallback(node: ESTree.Node | null | undefined, name: string): { literal: ESTree.Node; fromEnv: boolean } | undefined {
  if (!node) return undefined;
  if (node.type === "LogicalExpression" && (node.operator === "||" || node.operator === "??")) {
    return secretLiteral(node.right, name) !== undefined ? { literal: node.right, fromEnv: true } : undefined;
  }
  return secretLiteral(node, name) !== undefined ? { literal: node, fromEnv: false } : undefined;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    hasSuggestions: true,
    docs: { description: "Keep secrets out of source code; read them from the environment." },
    messages: {
      knownFormat:
        "Remove {{kind}} (\"{{preview}}\") from the code, revoke it, and read a new one from an environment variable. Anyone who can read this repository, or its history, can use it.",
      namedSecret:
        "Read `{{name}}` from an environment variable (for example `process.env.{{env}}`) instead of writing \"{{preview}}\" in the code. A secret in the repository is shared with everyone who can read it, forever, and cannot be changed without a deploy.",
      envFallback:
        "Remove the fallback \"{{preview}}\" for `{{name}}` and fail at start-up when the variable is missing. A fallback secret in the code is the one production ends up using when the variable is forgotten.",
      keyArgument:
        "Pass the key to `{{call}}` from configuration (for example `process.env.{{env}}`) instead of the literal \"{{preview}}\". Whoever reads the code can sign or decrypt with it.",
      jwtLiteral: "Remove the JSON Web Token (\"{{preview}}\") from the code: it is a working credential until it expires. Read it from the environment.",
      useEnv: "Read it from process.env.{{env}}",
    },
    schema: [],
  },
  create(context) {
    const inTest = isSampleData(context.filename);

    function reportNamed(name: string, valueNode: ESTree.Node | null | undefined): void {
      if (inTest || !isSecretName(name)) return;
      const found = literalOrFallback(valueNode, name);
      if (!found) return;
      const value = staticString(found.literal) ?? "";
      const env = upperSnake(name);
      context.report({
        node: found.literal,
        messageId: found.fromEnv ? "envFallback" : "namedSecret",
        data: { name, env, preview: redact(value) },
        suggest: found.fromEnv ? [] : [{ messageId: "useEnv", data: { env }, fix: (fixer) => fixer.replaceText(found.literal, `process.env.${env}`) }],
      });
    }

    function scanText(node: ESTree.Node, text: string): void {
      if (text.length < 16) return;
      const [match] = findSecretFormats(text);
      if (match) {
        context.report({ node, messageId: "knownFormat", data: { kind: match.kind, preview: redact(match.value) } });
        return;
      }
      if (!inTest && /^(?:Bearer|Basic|token) [A-Za-z0-9._~+/=-]{16,}$/.test(text) && !isPlaceholder(text.slice(text.indexOf(" ") + 1)) && !JWT_PATTERN.test(text)) {
        context.report({ node, messageId: "knownFormat", data: { kind: "a credential in an Authorization header", preview: redact(text.slice(text.indexOf(" ") + 1)) } });
        return;
      }
      const jwt = !inTest ? JWT_PATTERN.exec(text) : null;
      if (jwt) {
        const name = bindingName(node as Node) ?? "";
        if (isSecretName(name) || /token|jwt|authorization/i.test(name) || /^Bearer /.test(text)) {
          context.report({ node, messageId: "jwtLiteral", data: { preview: redact(jwt[0]) } });
        }
      }
    }

    return {
      Literal(node) {
        if (typeof node.value === "string") scanText(node, node.value);
      },
      TemplateLiteral(node) {
        const text = node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ");
        scanText(node, text);
      },
      VariableDeclarator(node) {
        if (node.id.type === "Identifier") reportNamed(node.id.name, node.init);
      },
      AssignmentExpression(node) {
        const name = node.left.type === "Identifier" ? node.left.name : node.left.type === "MemberExpression" ? keyName(node.left.property, node.left.computed) : undefined;
        if (name) reportNamed(name, node.right);
      },
      Property(node) {
        const name = keyName(node.key, node.computed);
        if (name && node.value.type !== "AssignmentPattern" && node.value.type !== "ObjectPattern" && node.value.type !== "ArrayPattern") reportNamed(name, node.value);
      },
      PropertyDefinition(node) {
        const name = keyName(node.key, node.computed);
        if (name) reportNamed(name, node.value);
      },
      CallExpression(node) {
        if (inTest) return;
        const name = calleeName(node);
        const index = name !== undefined ? KEY_ARGUMENT[name] : undefined;
        if (index === undefined) return;
        if ((name === "sign" || name === "verify") && !/jwt|jsonwebtoken|jws/i.test(calleeObject(node) ?? "")) return;
        const argument = node.arguments[index];
        const value = argument && secretLiteral(argument);
        if (!argument || value === undefined) return;
        const call = dottedName(node.callee) ?? name ?? "";
        const env = name === "cookieParser" ? "COOKIE_SECRET" : name === "createHmac" ? "HMAC_SECRET" : "JWT_SECRET";
        context.report({
          node: argument,
          messageId: "keyArgument",
          data: { call, env, preview: redact(value) },
          suggest: [{ messageId: "useEnv", data: { env }, fix: (fixer) => fixer.replaceText(argument, `process.env.${env}`) }],
        });
      },
    };
  },
};

export const hardcodedSecret: EslintCheck = {
  kind: "eslint",
  id: "hardcoded-secret",
  criterion: "security",
  description: "Secrets (API keys, tokens, passwords, signing keys) written into JS/TS source.",
  defaultLevel: "essential",
  category: "hardcoded-secret",
  rule,
};
