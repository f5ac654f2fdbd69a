/**
 * Which local names refer to a JWT library in this file: `jwt` from `import jwt from "jsonwebtoken"`,
 * `const { decode } = require("jsonwebtoken")`, `import { decodeJwt } from "jose"`. Collected as the
 * rule visits import and require nodes, so no extra pass over the file.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { keyName } from "../../shared/ast/names.js";
import { staticString } from "../../shared/ast/static-values.js";

const JWT_MODULES = /^(jsonwebtoken|jose|jwt-decode|jws|jwt-simple|@nestjs\/jwt|fast-jwt|njwt|koa-jwt|express-jwt)$/;

export class JwtImports {
  /** Local names bound to a whole JWT module (`jwt`, `jsonwebtoken`, `JWT`). */
  readonly modules = new Set<string>(["jwt", "jsonwebtoken", "JWT", "jose", "jws"]);
  /** Local names bound to jwt-simple, whose `decode(token, key)` verifies the signature. */
  readonly simple = new Set<string>();
  /** Local names bound to a named export, mapped to the export's name (`verifyToken` -> `verify`). */
  readonly named = new Map<string, string>();

  /** Spread into a rule's listener: notes JWT imports and requires as the rule visits them. */
  readonly visitors: Rule.RuleListener = {
    ImportDeclaration: (node) => this.noteImport(node),
    VariableDeclarator: (node) => this.noteRequire(node),
  };

  noteImport(node: ESTree.ImportDeclaration): void {
    if (typeof node.source.value !== "string" || !JWT_MODULES.test(node.source.value)) return;
    for (const specifier of node.specifiers) {
      if (node.source.value === "jwt-simple") this.simple.add(specifier.local.name);
      if (specifier.type === "ImportSpecifier")
        this.named.set(specifier.local.name, keyName(specifier.imported) ?? specifier.local.name);
      else this.modules.add(specifier.local.name);
    }
  }

  noteRequire(node: ESTree.VariableDeclarator): void {
    const init = node.init;
    if (init?.type !== "CallExpression" || init.callee.type !== "Identifier" || init.callee.name !== "require") return;
    const source = staticString(init.arguments[0]);
    if (!source || !JWT_MODULES.test(source)) return;
    if (node.id.type === "Identifier") this.modules.add(node.id.name);
    if (node.id.type === "Identifier" && source === "jwt-simple") this.simple.add(node.id.name);
    else if (node.id.type === "ObjectPattern") {
      for (const property of node.id.properties) {
        if (property.type === "Property" && property.value.type === "Identifier")
          this.named.set(property.value.name, keyName(property.key, property.computed) ?? property.value.name);
      }
    }
  }

  /** True when the call is jwt-simple's `decode` (`jwt.decode(...)` on a jwt-simple import, or its named `decode`). */
  isSimpleDecode(call: ESTree.CallExpression): boolean {
    const callee = call.callee;
    if (callee.type === "Identifier") return this.simple.has(callee.name) && this.named.get(callee.name) === "decode";
    return (
      callee.type === "MemberExpression" &&
      callee.object.type === "Identifier" &&
      this.simple.has(callee.object.name) &&
      keyName(callee.property, callee.computed) === "decode"
    );
  }

  /** The JWT function a call invokes (`sign`, `verify`, `decode`, `decodeJwt`, ...), or undefined. */
  functionOf(call: ESTree.CallExpression): string | undefined {
    const callee = call.callee;
    if (callee.type === "Identifier")
      return (
        this.named.get(callee.name) ??
        (callee.name === "jwtDecode" || callee.name === "decodeJwt" ? callee.name : undefined)
      );
    if (
      callee.type === "MemberExpression" &&
      callee.object.type === "Identifier" &&
      this.modules.has(callee.object.name)
    )
      return keyName(callee.property, callee.computed);
    return undefined;
  }
}
