/**
 * weak-crypto beyond node:crypto's cipher names: crypto-js's ECB mode and broken ciphers
 * (`CryptoJS.AES.encrypt(text, key, { mode: CryptoJS.mode.ECB })`, `CryptoJS.DES.encrypt`), and a GCM
 * decipher that takes its tag as given, with no tag length (`createDecipheriv("aes-256-gcm", key, iv)` then
 * `setAuthTag(tagFromClient)`): Node accepts a tag as short as 4 bytes, which an attacker can guess.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { dottedName, keyName } from "../../shared/ast/names.js";

/** crypto-js modes and ciphers that leak patterns or are broken: `CryptoJS.mode.ECB`, `CryptoJS.DES`, `CryptoJS.RC4`. */
const CRYPTO_JS_MODE = /^(?:CryptoJS|cryptojs|cryptoJs|CryptoJs|crypto)\.mode\.ECB$/;
const CRYPTO_JS_CIPHER =
  /^(?:CryptoJS|cryptojs|cryptoJs|CryptoJs)\.(DES|TripleDES|RC4|RC4Drop|Rabbit)\.(encrypt|decrypt)$/;

/** The weak crypto-js algorithm a member names (`ECB`, `DES`), or undefined. */
export function cryptoJsWeakAlgorithm(node: ESTree.MemberExpression): string | undefined {
  const text = dottedName(node) ?? "";
  if (CRYPTO_JS_MODE.test(text)) return "ECB mode";
  const cipher = CRYPTO_JS_CIPHER.exec(text);
  return cipher ? cipher[1] : undefined;
}

const REQUEST_READ = /\b(?:req|request|ctx|event)\.(?:body|query|params|headers|request|queryStringParameters)\b/;

/** The 4th argument `{ authTagLength: 16 }` of createDecipheriv. */
function hasTagLength(call: ESTree.CallExpression): boolean {
  const options = call.arguments[3];
  return (
    options?.type === "ObjectExpression" &&
    options.properties.some(
      (property) => property.type === "Property" && keyName(property.key, property.computed) === "authTagLength",
    )
  );
}

/**
 * True when a GCM decipher in a handler is given a tag of any length: no `authTagLength`, a `setAuthTag(...)` in the same
 * function whose tag is not cut to a fixed size (`subarray(12, 28)`), and no check of the tag's length.
 */
export function gcmTagOfAnyLength(call: ESTree.CallExpression, functionText: string): boolean {
  // Only a tag from the client: the function reads the request (a stored record's tag was made by this code).
  if (hasTagLength(call) || !REQUEST_READ.test(functionText)) return false;
  const tags = [...functionText.matchAll(/\.setAuthTag\s*\(([^;\n]*)\)/g)].map((match) => match[1] ?? "");
  if (tags.length === 0) return false;
  if (tags.every((tag) => /\.(subarray|slice)\s*\(/.test(tag))) return false;
  return !/\.(byte)?[lL]ength\s*[!=]==?\s*16|16\s*[!=]==?\s*\w+\.(byte)?[lL]ength/.test(functionText);
}

export const weakCryptoLibMessages: Record<string, string> = {
  cryptoJsWeak:
    "Use `crypto.subtle.encrypt` with AES-GCM (or crypto-js AES with its default CBC mode and a random IV) instead of crypto-js {{algorithm}}. {{algorithm}} is broken or encrypts equal blocks to equal output, so the data leaks patterns.",
  gcmTagLength:
    "Pass `{ authTagLength: 16 }` to `createDecipheriv` (or check that the tag is 16 bytes) before `setAuthTag`. Without it Node accepts a tag as short as 4 bytes, so an attacker can guess a valid tag for changed data.",
};

export function reportCryptoJs(context: Rule.RuleContext, node: ESTree.MemberExpression): void {
  const parent = (node as ESTree.MemberExpression & { parent?: ESTree.Node }).parent;
  // `CryptoJS.DES.encrypt` is visited once, at its outer member.
  if (parent?.type === "MemberExpression" && parent.object === node) return;
  const algorithm = cryptoJsWeakAlgorithm(node);
  if (algorithm) context.report({ node, messageId: "cryptoJsWeak", data: { algorithm } });
}
