/**
 * weak-crypto: fast or broken hashes used for passwords (md5, sha1, plain sha256), `createCipher`,
 * DES/RC4/ECB ciphers, a static IV or nonce (a literal, zeros, a value from configuration), an AEAD cipher
 * (GCM, CCM, OCB, ChaCha20-Poly1305) decrypted without its tag being checked, bcrypt with a cost below 10
 * and pbkdf2 with too few iterations.
 *
 * A broken hash of a password inside a function named for a wire protocol that prescribes it (PostgreSQL's MD5
 * authentication, HTTP Digest, CRAM-MD5, APOP, MySQL's native password, NTLM) is not reported: the client
 * answers the server's challenge in the form the protocol defines and stores nothing, so bcrypt is no option.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { gcmTagOfAnyLength, reportCryptoJs, weakCryptoLibMessages } from "./weak-crypto-libs.js";
import { bindingName, enclosingFunctionNames } from "../../shared/ast/functions.js";
import { calleeName, calleeObject } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { initOf, staticNumber } from "../../shared/ast/scope.js";
import { staticString } from "../../shared/ast/static-values.js";
import { isTestSupport } from "../../shared/is-test-file.js";
import { inCredentialFunction, isPasswordName, readsPassword } from "./password-context.js";

const FAST_HASHES = /^(md4|md5|sha-?1|sha-?224|sha-?256|sha-?384|sha-?512|sha3-\d+|ripemd160)$/i;
const BROKEN_HASHES = /^(md4|md5|sha-?1)$/i;
const WEAK_CIPHER =
  /^(des|des-ede|des-ede3|des3|des-cbc|des-ede3-cbc|des-ecb|rc2|rc4|rc4-40|bf|blowfish|bf-\w+)$|-ecb$/i;
/** Functions named for an authentication protocol that prescribes md4/md5/sha1 of the password. */
const PROTOCOL_FUNCTION =
  /postgres|^pg(?=[A-Z_]|$)|digest[-_]?auth|httpDigest|cram[-_]?md5|apop|mysql[-_]?native|scramble|ntlm/i;

/** True when a broken hash answers a protocol's challenge (see the file comment), not when it stores a password. */
function answersProtocol(node: Node, algorithm: string): boolean {
  return BROKEN_HASHES.test(algorithm) && enclosingFunctionNames(node).some((name) => PROTOCOL_FUNCTION.test(name));
}

/** Functions from npm packages that compute a fast hash: md5(x), sha1(x), CryptoJS.MD5(x). */
const HASH_FUNCTIONS = /^(md5|sha1|sha256|sha512|MD5|SHA1|SHA256|SHA512|md5Hex|sha1Hex)$/;
const BCRYPT_CALLS = new Set(["hash", "hashSync", "genSalt", "genSaltSync"]);
const MIN_BCRYPT_COST = 10;
const MIN_PBKDF2_ITERATIONS = 100_000;
/** Ciphers whose tag proves the data was not changed; the tag is checked only by setAuthTag() then final(). */
const AEAD_CIPHER = /-(gcm|ccm|ocb)$|^chacha20-poly1305$/i;

/**
 * Why an IV argument is the same for every message, if it is: a literal, a buffer of fixed bytes or zeros, or a
 * value read from the environment or configuration (one IV for the whole deployment). Follows one const.
 */
function staticIvReason(context: Rule.RuleContext, node: ESTree.Node | undefined, depth = 0): string | undefined {
  if (!node || depth > 3) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return "a fixed string";
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return "a fixed string";
  if (node.type === "Identifier") {
    const init = initOf(context, node);
    return init ? staticIvReason(context, init, depth + 1) : undefined;
  }
  if (node.type === "MemberExpression") {
    const text = context.sourceCode.getText(node);
    return /^process\.env\b/.test(text) || /\b(config|settings|env)\.\w*iv\b/i.test(text)
      ? "read from configuration, so it is the same for every message"
      : undefined;
  }
  if (node.type === "NewExpression" && calleeName(node) === "Uint8Array" && node.arguments[0]?.type === "Literal")
    return "all zeros";
  if (node.type === "CallExpression") {
    const name = calleeName(node);
    const object = calleeObject(node);
    const [first] = node.arguments;
    if (
      object === "Buffer" &&
      (name === "alloc" || name === "allocUnsafe") &&
      (node.arguments.length === 1 || node.arguments[1]?.type === "Literal")
    )
      return "all zeros";
    if (object === "Buffer" && name === "from" && first) {
      if (first.type === "ArrayExpression" && first.elements.every((element) => element?.type === "Literal"))
        return "fixed bytes";
      return staticIvReason(context, first as ESTree.Node, depth + 1);
    }
  }
  return undefined;
}

function enclosingFunctionOrProgram(node: Node): Node {
  let current: Node | undefined = node.parent;
  while (
    current &&
    current.type !== "FunctionDeclaration" &&
    current.type !== "FunctionExpression" &&
    current.type !== "ArrowFunctionExpression" &&
    current.type !== "Program"
  )
    current = current.parent;
  return current ?? node;
}

/** Walks `createHash(a).update(x).digest()` up to the outermost call and returns the `update` arguments. */
function hashChain(call: ESTree.CallExpression): { updates: ESTree.Node[]; outer: Node } {
  const updates: ESTree.Node[] = [];
  let outer: Node = call as Node;
  for (
    let parent = outer.parent;
    parent?.type === "MemberExpression" && parent.parent?.type === "CallExpression";
    parent = outer.parent
  ) {
    const next = parent.parent as ESTree.CallExpression & Node;
    if (calleeName(next) === "update" && next.arguments[0]) updates.push(next.arguments[0]);
    outer = next;
  }
  return { updates, outer };
}

/** Calls that make fresh random values: `randomBytes(32)`, `crypto.randomUUID()`, `nanoid()`, `randomStringGenerator()`. */
const RANDOM_CALL =
  /^(random\w*|getRandomValues|uuid(v4)?|v4|nanoid|cuid2?|createId|ulid|generateToken|generateSecret)$/i;

/** True for a fresh random value (or its string form): `randomBytes(32).toString("hex")`, `randomUUID()`. */
function isRandomValue(node: ESTree.Node): boolean {
  if (node.type !== "CallExpression") return false;
  const name = calleeName(node) ?? "";
  if (RANDOM_CALL.test(name)) return true;
  // randomBytes(32).toString("hex"): look through the conversion to the call that made the bytes
  const callee = node.callee;
  return name === "toString" && callee.type === "MemberExpression" && isRandomValue(callee.object as ESTree.Node);
}

/** True when a fast hash is applied to a password: by the hashed value, the result's name or the function. */
function hashesPassword(updates: readonly ESTree.Node[], outer: Node): boolean {
  if (
    updates.some(
      (value) =>
        readsPassword(value) ||
        (value.type === "BinaryExpression" && (readsPassword(value.left) || readsPassword(value.right))) ||
        (value.type === "TemplateLiteral" && value.expressions.some((e) => readsPassword(e))),
    )
  )
    return true;
  let bound: Node = outer;
  while (
    bound.parent &&
    (bound.parent.type === "AwaitExpression" || bound.parent.type === ("TSAsExpression" as string))
  )
    bound = bound.parent;
  const name = bindingName(bound);
  if (name && (isPasswordName(name) || /password|passwd|pwd/i.test(name))) return true;
  // In a register/login/password function, a value named as a hash is the stored password, unless what is hashed
  // is fresh randomness: a session or reset token, for which one fast hash is the right way to store it.
  return (
    updates.length > 0 &&
    !!name &&
    /hash|digest|encrypt/i.test(name) &&
    inCredentialFunction(outer) &&
    !updates.every(isRandomValue)
  );
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Use slow, salted password hashes and modern ciphers." },
    messages: {
      fastPasswordHash:
        "Hash passwords with bcrypt, argon2 or scrypt instead of {{algorithm}}. {{algorithm}} is built to be fast, so a stolen table of hashes can be guessed at billions of passwords per second{{broken}}.",
      createCipher:
        "Use `crypto.createCipheriv` with `aes-256-gcm`, a random 12-byte IV and a key from `crypto.scrypt` instead of `{{name}}`. `{{name}}` is deprecated: it derives the key with MD5 and reuses the same IV, so equal messages encrypt to equal output.",
      weakCipher:
        "Use `aes-256-gcm` instead of `{{algorithm}}`. {{algorithm}} is broken or leaks patterns (ECB encrypts equal blocks to equal output), so the data is not really protected.",
      staticIv:
        "Make a fresh IV for every message with `crypto.randomBytes({{size}})` and store it beside the ciphertext, instead of an IV that is {{reason}}. With {{algorithm}}, reusing an IV under the same key lets an attacker compare or combine messages{{gcm}}.",
      uncheckedTag:
        "Check the authentication tag when you decrypt {{algorithm}}: call `decipher.setAuthTag(tag)` before `update()`, then `decipher.final()`, and treat an error from `final()` as tampered data. Without both, {{algorithm}} decrypts changed data without noticing, and the tag protects nothing.",
      lowBcryptCost:
        "Raise the bcrypt cost from {{cost}} to at least 10 (12 is a good default). Each step doubles the work an attacker needs per guess; below 10, stolen hashes fall quickly.",
      ...weakCryptoLibMessages,
      lowIterations:
        "Raise the pbkdf2 iterations from {{iterations}} to at least 100000 (OWASP suggests 600000 with SHA-256), or switch to bcrypt or argon2. Few iterations make each password guess cheap.",
    },
    schema: [],
  },
  create(context) {
    if (isTestSupport(context.filename)) return {};
    return {
      MemberExpression: (node) => reportCryptoJs(context, node),
      CallExpression(node) {
        const name = calleeName(node);
        if (!name) return;
        if (name === "createHash") {
          const algorithm = staticString(node.arguments[0]);
          if (!algorithm || !FAST_HASHES.test(algorithm)) return;
          const { updates, outer } = hashChain(node);
          if (hashesPassword(updates, outer) && !answersProtocol(node as Node, algorithm)) {
            context.report({
              node,
              messageId: "fastPasswordHash",
              data: {
                algorithm,
                broken: BROKEN_HASHES.test(algorithm) ? `, and ${algorithm} has known collisions` : "",
              },
            });
          }
          return;
        }
        if (HASH_FUNCTIONS.test(name)) {
          const object = calleeObject(node);
          if (object !== undefined && !/crypto|cryptojs|hash/i.test(object)) return;
          const argument = node.arguments[0];
          const password = argument && (readsPassword(argument) || hashesPassword([argument], node as Node));
          if (password && !answersProtocol(node as Node, name)) {
            context.report({
              node,
              messageId: "fastPasswordHash",
              data: {
                algorithm: name.toLowerCase(),
                broken: BROKEN_HASHES.test(name) ? `, and ${name.toLowerCase()} has known collisions` : "",
              },
            });
          }
          return;
        }
        if (name === "createCipher" || name === "createDecipher") {
          context.report({ node, messageId: "createCipher", data: { name } });
          return;
        }
        if (name === "createCipheriv" || name === "createDecipheriv") {
          const algorithm = staticString(node.arguments[0]);
          if (algorithm && WEAK_CIPHER.test(algorithm)) {
            context.report({ node, messageId: "weakCipher", data: { algorithm } });
            return;
          }
          const aead = algorithm !== undefined && AEAD_CIPHER.test(algorithm);
          const ivArgument = node.arguments[2] as ESTree.Node | undefined;
          const reason = name === "createCipheriv" ? staticIvReason(context, ivArgument) : undefined;
          if (reason && ivArgument) {
            const gcm = aead ? ", and with GCM it also gives away the key that makes the authentication tags" : "";
            context.report({
              node: ivArgument,
              messageId: "staticIv",
              data: { reason, algorithm: algorithm ?? "this cipher", size: aead ? "12" : "16", gcm },
            });
            return;
          }
          if (name === "createDecipheriv" && aead) {
            const body = context.sourceCode.getText(enclosingFunctionOrProgram(node as Node) as ESTree.Node);
            if (!/\.setAuthTag\s*\(/.test(body) || !/\.final\s*\(/.test(body))
              context.report({ node, messageId: "uncheckedTag", data: { algorithm } });
            else if (/gcm/i.test(algorithm) && gcmTagOfAnyLength(node, body))
              context.report({ node, messageId: "gcmTagLength" });
          }
          return;
        }
        if (BCRYPT_CALLS.has(name) && /bcrypt/i.test(calleeObject(node) ?? "")) {
          const costArgument = name.startsWith("genSalt") ? node.arguments[0] : node.arguments[1];
          const cost = staticNumber(context, costArgument);
          if (cost !== undefined && cost < MIN_BCRYPT_COST)
            context.report({ node: costArgument ?? node, messageId: "lowBcryptCost", data: { cost: String(cost) } });
          return;
        }
        if (name === "pbkdf2" || name === "pbkdf2Sync") {
          const iterations = staticNumber(context, node.arguments[2]);
          if (iterations !== undefined && iterations < MIN_PBKDF2_ITERATIONS)
            context.report({
              node: node.arguments[2] ?? node,
              messageId: "lowIterations",
              data: { iterations: String(iterations) },
            });
        }
      },
    };
  },
};

export const weakCrypto: EslintCheck = {
  kind: "eslint",
  id: "weak-crypto",
  criterion: "security",
  description:
    "Fast hashes for passwords, deprecated or broken ciphers, static IVs, unchecked AEAD tags, and too-low bcrypt/pbkdf2 work factors.",
  defaultLevel: "essential",
  category: "weak-crypto",
  rule,
};
