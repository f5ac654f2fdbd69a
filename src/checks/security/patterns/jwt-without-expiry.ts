/**
 * jwt-without-expiry (informative, category jwt-misuse): `jwt.sign({ ... }, secret)` with neither an
 * `expiresIn` option nor an `exp` claim, so the token is valid forever.
 */
import type { Rule } from "eslint";
import type { EslintCheck } from "../../../contract/check.js";
import { findProperty } from "../../shared/ast/static-values.js";
import { isTestSupport } from "../../shared/is-test-file.js";
import { JwtImports } from "./jwt-imports.js";

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Give every signed JWT an expiry." },
    messages: {
      noExpiry:
        'Add an expiry when signing this token, for example `{ expiresIn: "15m" }` as the third argument. A token without one stays valid forever, so a leaked token can never be taken back.',
    },
    schema: [],
  },
  create(context) {
    if (isTestSupport(context.filename)) return {};
    const imports = new JwtImports();
    return {
      ...imports.visitors,
      CallExpression(node) {
        if (imports.functionOf(node) !== "sign") return;
        const [payload, , options] = node.arguments;
        if (payload?.type !== "ObjectExpression" || findProperty(payload, "exp")) return;
        if (payload.properties.some((property) => property.type === "SpreadElement")) return;
        if (
          options &&
          (options.type !== "ObjectExpression" ||
            findProperty(options, "expiresIn") ||
            options.properties.some((property) => property.type === "SpreadElement"))
        )
          return;
        if (node.arguments.length > 3 && !options) return;
        context.report({ node, messageId: "noExpiry" });
      },
    };
  },
};

export const jwtWithoutExpiry: EslintCheck = {
  kind: "eslint",
  id: "jwt-without-expiry",
  criterion: "security",
  description: "JWTs signed without an expiry (informative).",
  defaultLevel: "informative",
  category: "jwt-misuse",
  rule,
};
