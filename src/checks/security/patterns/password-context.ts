/**
 * Does this expression handle a password? Shared by weak-crypto and plaintext-password.
 */
import type * as ESTree from "estree";
import { enclosingFunctionNames } from "../../shared/ast/functions.js";
import { keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { words } from "../../shared/ast/words.js";

const PASSWORD_WORDS = new Set(["password", "passwd", "pwd", "pass", "passphrase", "pw", "pword"]);
/** A name that holds a hash or a confirmation, not the password itself. */
const NOT_RAW_WORDS = new Set([
  "hash",
  "hashed",
  "digest",
  "encrypted",
  "salt",
  "salted",
  "confirm",
  "confirmation",
  "repeat",
  "again",
  "old",
  "length",
  "field",
  "policy",
  "regex",
]);
/** Function names that handle credentials: registration, login, password change. */
const CREDENTIAL_FUNCTION =
  /password|passwd|register|signup|sign_up|signin|sign_in|login|log_in|credential|createuser|adduser|authenticate/i;

/** True for a name like `password`, `newPassword`, `user_pwd`; false for `passwordHash`, `confirmPassword`. */
export function isPasswordName(name: string | undefined): boolean {
  if (!name) return false;
  const parts = words(name);
  return parts.some((word) => PASSWORD_WORDS.has(word)) && !parts.some((word) => NOT_RAW_WORDS.has(word));
}

/** The name an expression reads: `password` -> "password", `req.body.password` -> "password". */
export function readName(node: ESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return keyName(node.property, node.computed);
  if (node.type === "ChainExpression") return readName(node.expression);
  if (node.type === ("TSNonNullExpression" as string))
    return readName((node as unknown as { expression: ESTree.Node }).expression);
  return undefined;
}

/** True when `node` reads a password value (an identifier or member named like a password). */
export function readsPassword(node: ESTree.Node | null | undefined): boolean {
  return isPasswordName(readName(node));
}

/** True when `node` sits in a function whose name says it handles credentials (register, login, ...). */
export function inCredentialFunction(node: Node): boolean {
  return enclosingFunctionNames(node).some((name) => CREDENTIAL_FUNCTION.test(name));
}
