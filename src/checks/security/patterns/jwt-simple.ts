/**
 * jwt-simple's `decode(token, key, noVerify, algorithm)`: with a key and without `noVerify` it checks the
 * signature (a verify, not a bare decode); a `noVerify` that is not the literal `false` (`true`, or a flag
 * such as `process.env.STAGE !== "prod"`) may skip the check.
 */
import type * as ESTree from "estree";
import { isLiteral } from "../../shared/ast/static-values.js";

export type SimpleDecode = "verifies" | "may-skip" | undefined;

export function jwtSimpleDecode(call: ESTree.CallExpression, isSimpleDecode: boolean): SimpleDecode {
  if (!isSimpleDecode || call.arguments.length < 2) return undefined;
  const noVerify = call.arguments[2] as ESTree.Node | undefined;
  if (
    noVerify === undefined ||
    isLiteral(noVerify, false) ||
    (noVerify.type === "Identifier" && noVerify.name === "undefined")
  )
    return "verifies";
  // The literal `true` is reported by the rule's own jwt-simple check; a computed flag may be true at run time.
  return isLiteral(noVerify, true) ? undefined : "may-skip";
}
