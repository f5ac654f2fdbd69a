/**
 * Hard-coded keys given to jose (part of hardcoded-secret): `new SignJWT(p).sign(new TextEncoder().encode("k"))`,
 * `jwtVerify(token, secret)` with `const secret = Buffer.from("k")`, `importJWK({ kty: "oct", k: "..." })`, and
 * the older API's `JWK.asKey("k")`. Reports the literal where it is written, once, however many calls use it.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { calleeName, dottedName, keyName } from "../../shared/ast/names.js";
import { initOf } from "../../shared/ast/scope.js";
import { findProperty, staticString } from "../../shared/ast/static-values.js";
import { unwrap } from "../../shared/ast/unwrap.js";
import { isPlaceholder, isSecretName, redact } from "./secret-patterns.js";

/** jose functions whose argument at this index is the key: `jwtVerify(token, key)`. */
const KEY_FUNCTIONS: Record<string, number> = {
  jwtVerify: 1,
  jwtDecrypt: 1,
  compactVerify: 1,
  flattenedVerify: 1,
  generalVerify: 1,
  compactDecrypt: 1,
  flattenedDecrypt: 1,
  generalDecrypt: 1,
};
/** jose builders whose final method takes the key: `new SignJWT(p).setProtectedHeader(h).sign(key)`. */
const BUILDERS = /^(SignJWT|EncryptJWT|CompactSign|FlattenedSign|GeneralSign|CompactEncrypt|FlattenedEncrypt)$/;
const BUILDER_METHODS = new Set(["sign", "encrypt"]);
/** Calls that turn text into key material: a literal in them is a literal key. */
const ENCODERS = /^(encode|from|decode|createSecretKey|asKey)$/;

/** Literals already reported: a key shared by `sign` and `verify` is one finding. Nodes are unique per parse. */
const reported = new WeakSet<ESTree.Node>();

/** A literal that is a key: not empty, not a placeholder. */
function keyLiteral(node: ESTree.Node | null | undefined): ESTree.Node | undefined {
  if (!node) return undefined;
  const value = staticString(node);
  return value !== undefined && value.length >= 4 && !isPlaceholder(value) ? node : undefined;
}

/** The private or symmetric part of a JWK object literal (`k`, `d`) when it is written in the code. */
function jwkSecret(node: ESTree.Node | undefined): ESTree.Node | undefined {
  if (node?.type !== "ObjectExpression") return undefined;
  return keyLiteral(findProperty(node, "k")?.value) ?? keyLiteral(findProperty(node, "d")?.value);
}

/**
 * The literal a key expression is made of: `"k"`, `process.env.K || "k"`, `new TextEncoder().encode("k")`,
 * `Buffer.from("k", "base64")`, `createSecretKey(...)`, or a `const` bound to one of them. A const whose own
 * secret-like name (`JWT_SECRET = "k"`) is reported by the name check is left to it.
 */
function keyMaterial(context: Rule.RuleContext, node: ESTree.Node | undefined, depth = 0): ESTree.Node | undefined {
  if (!node || depth > 3) return undefined;
  const inner = unwrap(node);
  if (inner.type === "AwaitExpression") return keyMaterial(context, inner.argument, depth + 1);
  if (inner.type === "LogicalExpression" && (inner.operator === "||" || inner.operator === "??"))
    return keyLiteral(inner.right);
  if (inner.type === "Identifier") {
    const init = initOf(context, inner);
    if (!init || (isSecretName(inner.name) && staticString(init) !== undefined)) return undefined;
    return keyMaterial(context, init, depth + 1);
  }
  if (inner.type === "CallExpression" || inner.type === "NewExpression") {
    const name = calleeName(inner);
    if (name && ENCODERS.test(name)) return keyMaterial(context, inner.arguments[0] as ESTree.Node, depth + 1);
    return undefined;
  }
  return keyLiteral(inner);
}

/** `SignJWT` for `new SignJWT(...)...sign(key)`: the method is called on a chain that starts at a jose builder. */
function builderOf(call: ESTree.CallExpression): string | undefined {
  if (call.callee.type !== "MemberExpression" || !BUILDER_METHODS.has(keyName(call.callee.property) ?? ""))
    return undefined;
  let current: ESTree.Node = call.callee.object;
  for (let depth = 0; depth < 12; depth++) {
    if (current.type === "NewExpression")
      return current.callee.type === "Identifier" && BUILDERS.test(current.callee.name)
        ? current.callee.name
        : undefined;
    if (current.type === "CallExpression" && current.callee.type === "MemberExpression")
      current = current.callee.object;
    else return undefined;
  }
  return undefined;
}

interface JoseKey {
  literal: ESTree.Node;
  /** The call as the learner wrote it: `jwtVerify`, `new SignJWT(...).sign`. */
  call: string;
  /** True for the `k` / `d` of a JWK object, where a one-line fix does not fit. */
  jwk?: boolean;
}

/** The literal key a jose call is given, with the call's name, if there is one. */
function joseKey(context: Rule.RuleContext, call: ESTree.CallExpression): JoseKey | undefined {
  const name = calleeName(call);
  if (!name) return undefined;
  const label = dottedName(call.callee) ?? name;
  const index = KEY_FUNCTIONS[name];
  if (index !== undefined) {
    const literal = keyMaterial(context, call.arguments[index] as ESTree.Node | undefined);
    return literal ? { literal, call: label } : undefined;
  }
  const builder = builderOf(call);
  if (builder) {
    const literal = keyMaterial(context, call.arguments[0] as ESTree.Node | undefined);
    return literal ? { literal, call: `new ${builder}(...).${name}` } : undefined;
  }
  // importJWK({ kty: "oct", k: "..." }) and the older JWK.asKey("k") / JWK.asKey({ k: "..." }).
  if (name === "importJWK" || (name === "asKey" && /JWK/.test(label))) {
    const first = call.arguments[0] as ESTree.Node | undefined;
    const objectArgument = first?.type === "Identifier" ? initOf(context, first) : first ? unwrap(first) : undefined;
    const jwk = jwkSecret(objectArgument);
    const literal = jwk ?? (name === "asKey" ? keyMaterial(context, first) : undefined);
    return literal ? { literal, call: label, jwk: jwk !== undefined } : undefined;
  }
  return undefined;
}

/** Reports the literal key of a jose call (`keyArgument` of hardcoded-secret), once per literal. */
export function reportJoseKey(context: Rule.RuleContext, call: ESTree.CallExpression): void {
  const found = joseKey(context, call);
  if (!found || reported.has(found.literal)) return;
  reported.add(found.literal);
  const { literal } = found;
  const value = staticString(literal) ?? "";
  const env = "JWT_SECRET";
  context.report({
    node: literal,
    messageId: "keyArgument",
    data: { call: found.call, env, preview: redact(value) },
    suggest: found.jwk
      ? []
      : [{ messageId: "useEnv", data: { env }, fix: (fixer) => fixer.replaceText(literal, `process.env.${env}`) }],
  });
}
