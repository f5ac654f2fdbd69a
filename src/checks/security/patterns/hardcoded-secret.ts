/**
 * hardcoded-secret for JS/TS: known token formats in any string, and secret-named variables, options and
 * arguments (`const JWT_SECRET = "..."`, `session({ secret: "keyboard cat" })`, `jwt.sign(p, "literal")`)
 * given a literal that is not a placeholder.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { bindingName } from "../../shared/ast/functions.js";
import { calleeName, calleeObject, dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { staticString } from "../../shared/ast/static-values.js";
import { words } from "../../shared/ast/words.js";
import { isSampleData } from "../../shared/is-sample-data.js";
import { reportJoseKey } from "./jose-keys.js";
import {
  findSecretFormats,
  isPasswordHash,
  isPlaceholder,
  isSecretName,
  JWT_PATTERN,
  redact,
} from "./secret-patterns.js";
import { sessionKeyArray } from "./session-keys.js";

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
  return (
    /^[A-Z]/.test(value) ||
    /[.!?:)]$/.test(value) ||
    /\{|%s|\b(must|should|please|required|invalid|enter|incorrect|wrong|missing|expired|characters?|not|your|the \w+ (is|was|has))\b/i.test(
      value,
    )
  );
}

/**
 * An enum-like constant whose value spells its own name (`RESET_PASSWORD: 'resetPassword'`,
 * `API_KEY = 'api-key'`): an event, route or translation key, not a secret. A one-word name
 * (`secret: 'secret'`) stays a secret: that is a weak key, exactly the bug.
 */
function isEnumLike(name: string, value: string): boolean {
  const nameWords = words(name);
  const valueWords = words(value);
  const tail = valueWords.slice(valueWords.length - nameWords.length);
  return nameWords.length >= 2 && /^[A-Za-z][A-Za-z0-9_.:/-]*$/.test(value) && tail.join("_") === nameWords.join("_");
}

/**
 * An error code naming what is wrong with the field (`password: 'incorrectPassword'`,
 * `password: 'incorrectEmailOrPassword'`): a camelCase word starting with an error word and ending with the
 * key's own words, as an API's validation errors spell them. Not a value anyone logs in with.
 */
function isErrorCode(name: string, value: string): boolean {
  if (!/^[a-z]+(?:[A-Z][a-z0-9]*)+$/.test(value)) return false;
  const nameWords = words(name);
  const valueWords = words(value);
  const tail = valueWords.slice(valueWords.length - nameWords.length);
  return (
    /^(invalid|incorrect|wrong|missing|expired|bad|unknown|required|empty|weak|mismatched|same|not)$/i.test(
      valueWords[0] ?? "",
    ) && tail.join("_") === nameWords.join("_")
  );
}

/**
 * A documented development default: a name that says it is the default (`defaultWebhookSecret`,
 * `DEFAULT_SESSION_SECRET`) given a value that names an environment (`"development"`, `"dev"`, `"local"`,
 * `"test"`). The value announces what it is for, as `changeme` does, and reveals nothing. Used directly as a key
 * (`jwt.sign(p, "development")`) or as the fallback of `process.env.X ||`, it is still reported: there it is the
 * secret production runs with.
 */
function isDevelopmentDefault(name: string, value: string): boolean {
  return words(name)[0] === "default" && /^(development|dev|local|test|testing)$/i.test(value);
}

/** A literal worth reporting as a secret: not a placeholder, a hash, an env var name or a sentence. */
function secretLiteral(node: ESTree.Node | null | undefined, name?: string): string | undefined {
  const value = staticString(node);
  if (value === undefined || value.length < 4) return undefined;
  // `{ password: "Password" }`, `{ apiKey: "API key" }`: a capitalised label, not a value. (`secret: "secret"` stays a secret.)
  if (
    name !== undefined &&
    /^[A-Z]/.test(value) &&
    words(value).join("") === words(name).join("").slice(-words(value).join("").length)
  )
    return undefined;
  if (isPlaceholder(value) || isPasswordHash(value)) return undefined;
  if (name !== undefined && (isEnumLike(name, value) || isErrorCode(name, value))) return undefined;
  if (name !== undefined && (node as Node).parent?.type !== "LogicalExpression" && isDevelopmentDefault(name, value))
    return undefined;
  if (/^[A-Z][A-Z0-9_]+$/.test(value) && value.includes("_")) return undefined; // names an env variable
  if ((value.match(/ /g) ?? []).length >= 2 && isMessage(value)) return undefined; // a sentence: a message, not a secret
  if (findSecretFormats(value).length > 0) return undefined; // reported by the format scan already
  return value;
}

/** The literal of `x`, or of the fallback in `process.env.X || "literal"` / `?? "literal"`. */
function literalOrFallback(
  node: ESTree.Node | null | undefined,
  name: string,
): { literal: ESTree.Node; fromEnv: boolean } | undefined {
  if (!node) return undefined;
  if (node.type === "LogicalExpression" && (node.operator === "||" || node.operator === "??")) {
    return secretLiteral(node.right, name) !== undefined ? { literal: node.right, fromEnv: true } : undefined;
  }
  return secretLiteral(node, name) !== undefined ? { literal: node, fromEnv: false } : undefined;
}

/** A secret-looking name (`JWT_SECRET`, `apiKey`) bound to a literal, or to `process.env.X || "literal"`. */
function reportNamed(context: Rule.RuleContext, name: string, valueNode: ESTree.Node | null | undefined): void {
  if (!isSecretName(name)) return;
  const found = literalOrFallback(valueNode, name);
  if (!found) return;
  const value = staticString(found.literal) ?? "";
  const env = upperSnake(name);
  context.report({
    node: found.literal,
    messageId: found.fromEnv ? "envFallback" : "namedSecret",
    data: { name, env, preview: redact(value) },
    suggest: found.fromEnv
      ? []
      : [
          {
            messageId: "useEnv",
            data: { env },
            fix: (fixer) => fixer.replaceText(found.literal, `process.env.${env}`),
          },
        ],
  });
}

/** A string in a known secret format (AWS key, GitHub token, private key), an Authorization credential, or a JWT. */
function scanText(context: Rule.RuleContext, inTest: boolean, node: ESTree.Node, text: string): void {
  if (text.length < 16) return;
  const [match] = findSecretFormats(text);
  if (match) {
    context.report({ node, messageId: "knownFormat", data: { kind: match.kind, preview: redact(match.value) } });
    return;
  }
  if (inTest) return;
  const credential = text.slice(text.indexOf(" ") + 1);
  if (
    /^(?:Bearer|Basic|token) [A-Za-z0-9._~+/=-]{16,}$/.test(text) &&
    !isPlaceholder(credential) &&
    !JWT_PATTERN.test(text)
  ) {
    context.report({
      node,
      messageId: "knownFormat",
      data: { kind: "a credential in an Authorization header", preview: redact(credential) },
    });
    return;
  }
  const jwt = JWT_PATTERN.exec(text);
  if (!jwt) return;
  const name = bindingName(node as Node) ?? "";
  if (isSecretName(name) || /token|jwt|authorization/i.test(name) || /^Bearer /.test(text)) {
    context.report({ node, messageId: "jwtLiteral", data: { preview: redact(jwt[0]) } });
  }
}

/** A literal key passed to a signing or encrypting call: `jwt.sign(payload, "secret")`, `cookieParser("secret")`. */
function reportKeyArgument(context: Rule.RuleContext, node: ESTree.CallExpression): void {
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
    suggest: [
      { messageId: "useEnv", data: { env }, fix: (fixer) => fixer.replaceText(argument, `process.env.${env}`) },
    ],
  });
}

/** Words naming a table of values the code looks for in order to refuse them: placeholders, known weak secrets. */
const REJECTED_LIST_WORDS = new Set([
  "placeholder",
  "placeholders",
  "example",
  "examples",
  "weak",
  "insecure",
  "known",
  "forbidden",
  "banned",
  "blocklist",
  "denylist",
  "blacklist",
  "rejected",
]);

/**
 * True for a property of an object bound to such a name (`const PLACEHOLDER_SECRETS = { JWT_SECRET: "secret" }`,
 * compared with `process.env` to stop a deploy that kept them): the values are what must not be used.
 */
function inListOfRejectedValues(property: Node): boolean {
  let holder = property.parent?.parent;
  while (
    holder &&
    (holder.type === ("TSAsExpression" as string) || holder.type === ("TSSatisfiesExpression" as string))
  )
    holder = holder.parent;
  if (holder?.type !== "VariableDeclarator" || holder.id.type !== "Identifier") return false;
  return words(holder.id.name).some((word) => REJECTED_LIST_WORDS.has(word));
}

/** The name a declarator, assignment, property or class field binds its value to, with the value. */
function namedValue(node: ESTree.Node): { name: string; value: ESTree.Node | null | undefined } | undefined {
  let name: string | undefined;
  let value: ESTree.Node | null | undefined;
  if (node.type === "VariableDeclarator")
    [name, value] = [node.id.type === "Identifier" ? node.id.name : undefined, node.init];
  else if (node.type === "AssignmentExpression") {
    name =
      node.left.type === "Identifier"
        ? node.left.name
        : node.left.type === "MemberExpression"
          ? keyName(node.left.property, node.left.computed)
          : undefined;
    value = node.right;
  } else if (node.type === "Property") {
    const pattern =
      node.value.type === "AssignmentPattern" ||
      node.value.type === "ObjectPattern" ||
      node.value.type === "ArrayPattern";
    [name, value] = [pattern ? undefined : keyName(node.key, node.computed), node.value];
  } else if (node.type === "PropertyDefinition") [name, value] = [keyName(node.key, node.computed), node.value];
  return name ? { name, value } : undefined;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    hasSuggestions: true,
    docs: { description: "Keep secrets out of source code; read them from the environment." },
    messages: {
      knownFormat:
        'Remove {{kind}} ("{{preview}}") from the code, revoke it, and read a new one from an environment variable. Anyone who can read this repository, or its history, can use it.',
      namedSecret:
        'Read `{{name}}` from an environment variable (for example `process.env.{{env}}`) instead of writing "{{preview}}" in the code. A secret in the repository is shared with everyone who can read it, forever, and cannot be changed without a deploy.',
      envFallback:
        'Remove the fallback "{{preview}}" for `{{name}}` and fail at start-up when the variable is missing. A fallback secret in the code is the one production ends up using when the variable is forgotten.',
      keyArgument:
        'Pass the key to `{{call}}` from configuration (for example `process.env.{{env}}`) instead of the literal "{{preview}}". Whoever reads the code can sign or decrypt with it.',
      jwtLiteral:
        'Remove the JSON Web Token ("{{preview}}") from the code: it is a working credential until it expires. Read it from the environment.',
      useEnv: "Read it from process.env.{{env}}",
    },
    schema: [],
  },
  create(context) {
    const inTest = isSampleData(context.filename);
    const named = (node: ESTree.Node): void => {
      const found = inTest ? undefined : namedValue(node);
      if (found && !(node.type === "Property" && inListOfRejectedValues(node as Node)))
        reportNamed(context, found.name, found.value);
      const keys = inTest ? undefined : sessionKeyArray(node);
      const literal = keys?.elements.find((element) => element && secretLiteral(element, "sessionKey") !== undefined);
      if (literal) {
        const value = staticString(literal) ?? "";
        context.report({
          node: literal,
          messageId: "namedSecret",
          data: { name: "keys", env: "SESSION_KEYS", preview: redact(value) },
        });
      }
    };
    return {
      Literal(node) {
        if (typeof node.value === "string") scanText(context, inTest, node, node.value);
      },
      TemplateLiteral(node) {
        scanText(context, inTest, node, node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" "));
      },
      VariableDeclarator: named,
      AssignmentExpression: named,
      Property: named,
      PropertyDefinition: named,
      CallExpression(node) {
        if (inTest) return;
        reportKeyArgument(context, node);
        reportJoseKey(context, node);
      },
    };
  },
};

export const hardcodedSecret: EslintCheck = {
  kind: "eslint",
  id: "hardcoded-secret",
  criterion: "security",
  description: "Secrets (API keys, tokens, passwords, signing keys, jose keys and JWKs) written into JS/TS source.",
  defaultLevel: "essential",
  category: "hardcoded-secret",
  rule,
};
