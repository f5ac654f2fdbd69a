/**
 * tls-disabled for JS/TS: certificate verification turned off for HTTPS agents, axios, got, undici,
 * pg/mysql `ssl`, MongoDB and `tls.connect`, or for the whole process through
 * `process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"`, and a gRPC client built with `credentials.createInsecure()`
 * (plaintext to a host that is not the local machine, outside a development-only branch).
 *
 * Quiet where the code honours a setting whose value names the opt-out (`case "no-verify":`,
 * `if (sslmode === "no-verify")`): the operator asked for it by name, as libpq's `sslmode=no-verify` does, and
 * the code that maps the setting onto TLS options is right to obey it.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../../contract/check.js";
import { dottedName, keyName } from "../../shared/ast/names.js";
import type { Node } from "../../shared/ast/node.js";
import { isLiteral, staticString } from "../../shared/ast/static-values.js";
import { isInsideDevOnlyBranch } from "./is-inside-dev-only-branch.js";

const LOCAL_TARGET = /^(localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|unix:|dns:\/*localhost)/i;

/** `new Client("orders.internal:443", grpc.credentials.createInsecure())`: plaintext gRPC to a remote host. */
function isRemoteInsecureGrpc(node: ESTree.CallExpression): boolean {
  const callee = dottedName(node.callee) ?? "";
  if (!/(^|\.)credentials\.createInsecure$/.test(callee)) return false;
  const client = (node as Node).parent;
  if (client?.type !== "NewExpression") return true;
  const target = client.arguments[0] ? staticString(client.arguments[0] as ESTree.Node) : undefined;
  return !(target !== undefined && LOCAL_TARGET.test(target));
}

/** A configuration value that asks for certificate checks to be skipped, by name. */
const OPT_OUT_VALUE = /^(no-?verify|insecure|skip-?verify|allow-?insecure|unverified)$/i;

function namesOptOut(node: ESTree.Node | null | undefined): boolean {
  const value = staticString(node);
  return value !== undefined && OPT_OUT_VALUE.test(value);
}

/** True inside `case "no-verify":`, or the branch of `x === "no-verify"`: the setting asked for this by name. */
function isInsideOptOutBranch(node: Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === "SwitchCase" && parent.consequent.includes(child as ESTree.Statement)) {
      if (namesOptOut(parent.test)) return true;
    }
    if ((parent.type === "IfStatement" || parent.type === "ConditionalExpression") && parent.consequent === child) {
      const test = parent.test;
      if (
        test.type === "BinaryExpression" &&
        (test.operator === "===" || test.operator === "==") &&
        (namesOptOut(test.left as ESTree.Node) || namesOptOut(test.right))
      )
        return true;
    }
  }
  return false;
}

/** Options that disable verification when set to `false`. */
const OFF_WHEN_FALSE = new Set(["rejectUnauthorized", "strictSSL", "sslValidate", "verifySsl"]);
/** Options that disable verification when set to `true`. */
const OFF_WHEN_TRUE = new Set(["tlsInsecure", "tlsAllowInvalidCertificates", "tlsAllowInvalidHostnames"]);
/** Clients where `insecure: true` means "skip certificate checks". */
const INSECURE_CLIENT = /\b(got|undici|request|fetch|agent|client|axios|needle|superagent|https?)\b/i;

function isTlsEnv(node: ESTree.Node): boolean {
  if (node.type !== "MemberExpression") return false;
  return (
    keyName(node.property, node.computed) === "NODE_TLS_REJECT_UNAUTHORIZED" &&
    dottedName(node.object) === "process.env"
  );
}

/** Name of the call an options object is passed to, looking through nested objects. */
function receivingCall(node: Node): string | undefined {
  let current: Node | undefined = node.parent;
  for (let depth = 0; current && depth < 6; depth++, current = current.parent) {
    if (current.type === "CallExpression" || current.type === "NewExpression") return dottedName(current.callee);
  }
  return undefined;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    hasSuggestions: true,
    docs: { description: "Keep TLS certificate verification on." },
    messages: {
      optionOff:
        "Set `{{name}}` to `{{safe}}`. With certificate checks off, the connection is encrypted to whoever answers, so anyone on the network can pose as the server. For a self-signed or private CA, pass it with the `ca` option instead.",
      processOff:
        'Remove this line. Setting `NODE_TLS_REJECT_UNAUTHORIZED` to "0" turns off certificate checks for every HTTPS request in the process. For a private CA, start Node with `NODE_EXTRA_CA_CERTS=/path/to/ca.pem`.',
      grpcInsecure:
        "Use `grpc.credentials.createSsl()` (with the server's CA if it is private) instead of `createInsecure()`. An insecure gRPC channel sends every call and its metadata, tokens included, in plaintext that anyone on the network can read or change.",
      checkIdentity:
        "Remove this `checkServerIdentity` override. Returning nothing accepts any certificate for any host name, so the client will talk to an impostor.",
      setSafe: "Set it to {{safe}}",
    },
    schema: [],
  },
  create(context) {
    return {
      Property(node) {
        const name = keyName(node.key, node.computed);
        if (!name) return;
        let safe: string | undefined;
        if (OFF_WHEN_FALSE.has(name) && (isLiteral(node.value, false) || isLiteral(node.value, 0))) safe = "true";
        else if (OFF_WHEN_TRUE.has(name) && isLiteral(node.value, true)) safe = "false";
        else if (
          name === "insecure" &&
          isLiteral(node.value, true) &&
          INSECURE_CLIENT.test(receivingCall(node as Node) ?? "")
        )
          safe = "false";
        if (safe && isInsideOptOutBranch(node as Node)) return;
        if (safe) {
          const value = node.value;
          context.report({
            node,
            messageId: "optionOff",
            data: { name, safe },
            suggest: [{ messageId: "setSafe", data: { safe }, fix: (fixer) => fixer.replaceText(value, safe) }],
          });
          return;
        }
        if (
          name === "checkServerIdentity" &&
          (node.value.type === "ArrowFunctionExpression" || node.value.type === "FunctionExpression")
        ) {
          const body = node.value.body;
          const empty =
            body.type === "BlockStatement"
              ? body.body.length === 0 ||
                (body.body.length === 1 && body.body[0]?.type === "ReturnStatement" && !body.body[0].argument)
              : body.type === "Identifier" && body.name === "undefined";
          if (empty) context.report({ node, messageId: "checkIdentity" });
        }
      },
      AssignmentExpression(node) {
        if (!isTlsEnv(node.left)) return;
        const value =
          staticString(node.right) ?? (node.right.type === "Literal" ? String(node.right.value) : undefined);
        if (value === "0") context.report({ node, messageId: "processOff" });
      },
      CallExpression(node) {
        if (isRemoteInsecureGrpc(node)) {
          if (!isInsideDevOnlyBranch(context, node as Node)) context.report({ node, messageId: "grpcInsecure" });
          return;
        }
        // process.env["NODE_TLS_REJECT_UNAUTHORIZED"] via Object.assign(process.env, { NODE_TLS_REJECT_UNAUTHORIZED: "0" })
        if (dottedName(node.callee) !== "Object.assign" || dottedName(node.arguments[0]) !== "process.env") return;
        const options = node.arguments[1];
        if (options?.type !== "ObjectExpression") return;
        for (const property of options.properties) {
          if (
            property.type === "Property" &&
            keyName(property.key, property.computed) === "NODE_TLS_REJECT_UNAUTHORIZED" &&
            staticString(property.value) === "0"
          ) {
            context.report({ node: property, messageId: "processOff" });
          }
        }
      },
    };
  },
};

export const tlsDisabled: EslintCheck = {
  kind: "eslint",
  id: "tls-disabled",
  criterion: "security",
  description:
    "TLS certificate verification turned off in code (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED, gRPC createInsecure).",
  defaultLevel: "essential",
  category: "tls-disabled",
  rule,
};
