/**
 * jwt-misuse: tokens trusted without checking their signature or expiry. `jwt.decode()` / jose
 * `decodeJwt()` used to authenticate (in a middleware, guard or a function that sets the user) with no
 * `verify` next to it, the `none` algorithm, and `ignoreExpiration: true`.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { functionFrames } from "../../shared/ast/function-frames.js";
import { functionName } from "../../shared/ast/functions.js";
import { calleeName, calleeObject, keyName } from "../../shared/ast/names.js";
import { isLiteral, staticString } from "../../shared/ast/static-values.js";
import { JwtImports } from "./jwt-imports.js";
import { jwtSimpleDecode } from "./jwt-simple.js";

const DECODERS = new Set(["decode", "decodeJwt", "jwtDecode", "decodeProtectedHeader"]);
const VERIFIERS = /^(verify|verifyAsync|verifySync|jwtVerify|compactVerify|verifyToken|verifyJwt)$/;
const AUTH_FUNCTION =
  /auth|guard|protect|canActivate|requireUser|requireLogin|currentUser|getUser|isAdmin|isLoggedIn|permission|role|validate|session|deserialize|middleware/i;

interface Frame {
  decodes: ESTree.CallExpression[];
  verifies: boolean;
  authUse: boolean;
}

function looksLikeMiddleware(fn: ESTree.Function): boolean {
  const names = fn.params.map((param) => (param.type === "Identifier" ? param.name : ""));
  return names.includes("next") || names.includes("ctx") || names.includes("context") || names.includes("reply");
}

/** At the end of a function that authenticates and never verifies, reports each `decode` call in it. */
function reportDecodesForAuth(context: Rule.RuleContext, frame: Frame, fn: ESTree.Function): void {
  if (frame.decodes.length === 0 || frame.verifies) return;
  const name = functionName(fn) ?? "";
  if (!frame.authUse && !AUTH_FUNCTION.test(name) && !looksLikeMiddleware(fn)) return;
  for (const call of frame.decodes) {
    const callText = context.sourceCode.getText(call.callee);
    const verify = callText.includes("decodeJwt")
      ? "jwtVerify"
      : callText.replace(/decode$/, "verify").replace(/^jwtDecode$/, "jwt.verify");
    context.report({ node: call, messageId: "decodeForAuth", data: { call: callText, verify } });
  }
}

/** `jwt.verify(token, key, (err, decoded) => { req.user = decoded; next(); })` with `err` never read. */
function reportIgnoredError(context: Rule.RuleContext, call: ESTree.CallExpression): void {
  const callback = call.arguments[call.arguments.length - 1];
  if (
    call.arguments.length < 3 ||
    !callback ||
    (callback.type !== "FunctionExpression" && callback.type !== "ArrowFunctionExpression")
  )
    return;
  const errorParam = callback.params[0];
  if (errorParam?.type !== "Identifier") return;
  const variable = context.sourceCode
    .getDeclaredVariables(callback)
    .find((candidate) => candidate.name === errorParam.name);
  if (variable && variable.references.length === 0)
    context.report({ node: call, messageId: "ignoredVerifyError", data: { error: errorParam.name } });
}

/** `algorithms: ["none"]`, `algorithm: "none"` and `ignoreExpiration: true` in any options object. */
function reportUnsafeOption(context: Rule.RuleContext, node: ESTree.Property): void {
  const name = keyName(node.key, node.computed);
  if (
    name === "algorithms" &&
    node.value.type === "ArrayExpression" &&
    node.value.elements.some((element) => /^none$/i.test(staticString(element) ?? ""))
  ) {
    context.report({ node, messageId: "noneAlgorithm" });
  } else if (name === "algorithm" && /^none$/i.test(staticString(node.value) ?? "")) {
    context.report({ node, messageId: "noneAlgorithm" });
  } else if (name === "ignoreExpiration" && isLiteral(node.value, true)) {
    context.report({ node, messageId: "ignoreExpiration" });
  }
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Verify JSON Web Tokens: signature, algorithm and expiry." },
    messages: {
      decodeForAuth:
        "Use `{{verify}}` instead of `{{call}}` here. `{{call}}` only reads the token without checking its signature, so anyone can write a token that says they are any user, or an admin.",
      noneAlgorithm:
        'Remove `none` from the accepted algorithms and list the one you sign with (for example `["HS256"]`). With `none`, a token with no signature at all is accepted.',
      ignoredVerifyError:
        "Check `{{error}}` in this callback and stop (answer 401) when it is set. `verify` reports a bad signature or an expired token through that argument; ignoring it lets every forged or expired token through.",
      noVerifyFlag:
        "Remove this `true` (jwt-simple's `noVerify`) so `decode` checks the signature. With it, any token anyone writes is accepted as genuine.",
      ignoreExpiration:
        "Remove `ignoreExpiration: true`. Expired tokens would keep working forever, so a stolen or logged-out token never stops granting access.",
    },
    schema: [],
  },
  create(context) {
    const imports = new JwtImports();
    const frames = functionFrames<Frame>(
      () => ({ decodes: [], verifies: false, authUse: false }),
      (frame, fn) => reportDecodesForAuth(context, frame, fn),
    );
    return {
      ...imports.visitors,
      ...frames.visitors,
      CallExpression(node) {
        const jwtFunction =
          imports.functionOf(node) ?? (/jwt/i.test(calleeObject(node) ?? "") ? calleeName(node) : undefined);
        if (jwtFunction === "verify") reportIgnoredError(context, node);
        // jwt-simple: decode(token, key, noVerify) with noVerify true skips the signature check.
        const simple = jwtSimpleDecode(node, imports.isSimpleDecode(node));
        if (
          (jwtFunction === "decode" &&
            node.arguments.length >= 3 &&
            isLiteral(node.arguments[2] as ESTree.Node, true)) ||
          simple === "may-skip"
        ) {
          context.report({ node: node.arguments[2] as ESTree.Node, messageId: "noVerifyFlag" });
        }
        const frame = frames.top();
        if (!frame) return;
        if (simple === "verifies") {
          frame.verifies = true;
          return;
        }
        if (jwtFunction && DECODERS.has(jwtFunction) && jwtFunction !== "decodeProtectedHeader")
          frame.decodes.push(node);
        const name = calleeName(node);
        if ((jwtFunction && VERIFIERS.test(jwtFunction)) || (name && VERIFIERS.test(name))) frame.verifies = true;
        if (node.callee.type === "Identifier" && node.callee.name === "next") frame.authUse = true;
      },
      AssignmentExpression(node) {
        const frame = frames.top();
        if (
          frame &&
          node.left.type === "MemberExpression" &&
          keyName(node.left.property, node.left.computed) === "user"
        )
          frame.authUse = true;
      },
      Property: (node) => reportUnsafeOption(context, node),
    };
  },
};

export const jwtMisuse: EslintCheck = {
  kind: "eslint",
  id: "jwt-misuse",
  criterion: "security",
  description: "JWTs decoded instead of verified, the none algorithm, and ignored expiry.",
  defaultLevel: "essential",
  category: "jwt-misuse",
  rule,
};
