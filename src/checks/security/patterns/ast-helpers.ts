/**
 * Small, allocation-light helpers over ESTree nodes shared by the pattern-based security rules.
 * Nothing here walks a whole file: each helper looks at one node and at most a few ancestors.
 */
import type { Rule, Scope } from "eslint";
import type * as ESTree from "estree";

export type Node = ESTree.Node & { parent?: Node };

/** Name of a property key or member property: `a.b` -> "b", `{ "b": 1 }` -> "b". */
export function keyName(key: ESTree.Node | null | undefined, computed = false): string | undefined {
  if (!key) return undefined;
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "Literal" && typeof key.value === "string") return key.value;
  if (key.type === "PrivateIdentifier") return key.name;
  return undefined;
}

/** Dotted path of an identifier/member chain: `res.status(500).json` -> "res.status().json". */
export function dottedName(node: ESTree.Node | null | undefined, depth = 0): string | undefined {
  if (!node || depth > 8) return undefined;
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "ThisExpression":
      return "this";
    case "MemberExpression": {
      const object = dottedName(node.object, depth + 1);
      const property = keyName(node.property, node.computed);
      return object !== undefined && property !== undefined ? `${object}.${property}` : undefined;
    }
    case "CallExpression": {
      const callee = dottedName(node.callee, depth + 1);
      return callee !== undefined ? `${callee}()` : undefined;
    }
    case "ChainExpression":
      return dottedName(node.expression, depth + 1);
    case "AwaitExpression":
      return dottedName(node.argument, depth + 1);
    default:
      return undefined;
  }
}

/** The last name of a callee: `crypto.createHash` -> "createHash", `md5` -> "md5". */
export function calleeName(call: ESTree.CallExpression | ESTree.NewExpression): string | undefined {
  const callee = call.callee;
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return keyName(callee.property, callee.computed);
  return undefined;
}

/** The object of a member callee: `jwt.sign` -> "jwt", `res.status(500).json` -> "res.status()". */
export function calleeObject(call: ESTree.CallExpression | ESTree.NewExpression): string | undefined {
  return call.callee.type === "MemberExpression" ? dottedName(call.callee.object) : undefined;
}

/** A string known without running code: a string literal or a template without expressions. */
export function staticString(node: ESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The property `name` of an object literal (not spread), if present. */
export function findProperty(object: ESTree.ObjectExpression, name: string): ESTree.Property | undefined {
  for (const property of object.properties) {
    if (property.type === "Property" && keyName(property.key, property.computed) === name) return property;
  }
  return undefined;
}

/** True when the node is the literal `value` (true, false, a number or a string). */
export function isLiteral(node: ESTree.Node | null | undefined, value: unknown): boolean {
  return !!node && node.type === "Literal" && node.value === value;
}

/**
 * Splits an identifier into lowercase words: `generateResetToken` -> ["generate", "reset", "token"],
 * `JWT_SECRET` -> ["jwt", "secret"], `apiKey` -> ["api", "key"].
 */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

/** The name a value is bound to: the variable, the assigned member or the object key. */
export function bindingName(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === "VariableDeclarator" && parent.init === node) return parent.id.type === "Identifier" ? parent.id.name : undefined;
  if (parent.type === "AssignmentExpression" && parent.right === node) {
    return parent.left.type === "Identifier" ? parent.left.name : parent.left.type === "MemberExpression" ? keyName(parent.left.property, parent.left.computed) : undefined;
  }
  if (parent.type === "Property" && parent.value === node) return keyName(parent.key, parent.computed);
  if (parent.type === "PropertyDefinition" && parent.value === node) return keyName(parent.key, parent.computed);
  return undefined;
}

/** The function that contains `node`, or undefined at module level. */
export function enclosingFunction(node: Node): ESTree.Function | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === "FunctionDeclaration" || current.type === "FunctionExpression" || current.type === "ArrowFunctionExpression") return current;
  }
  return undefined;
}

/** The name of a function: its own id, the variable/property/method it is assigned to. */
export function functionName(fn: ESTree.Function): string | undefined {
  if (fn.type !== "ArrowFunctionExpression" && fn.id) return fn.id.name;
  const parent = (fn as Node).parent;
  if (!parent) return undefined;
  if (parent.type === "MethodDefinition") return keyName(parent.key, parent.computed);
  return bindingName(fn as Node);
}

/** Names of the enclosing functions, innermost first (at most `limit`). */
export function enclosingFunctionNames(node: Node, limit = 3): string[] {
  const names: string[] = [];
  for (let fn = enclosingFunction(node); fn && names.length < limit; fn = enclosingFunction(fn as Node)) {
    const name = functionName(fn);
    if (name) names.push(name);
  }
  return names;
}

/** Finds the variable `name` visible from `scope`. */
export function findVariable(scope: Scope.Scope | null, name: string): Scope.Variable | undefined {
  for (let current = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/** The initialiser of a `const`/`let` binding for an identifier, if it has exactly one definition. */
export function initOf(context: Rule.RuleContext, identifier: ESTree.Identifier): ESTree.Expression | undefined {
  const variable = findVariable(context.sourceCode.getScope(identifier), identifier.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def || def.type !== "Variable") return undefined;
  const declarator = def.node as ESTree.VariableDeclarator;
  return declarator.id.type === "Identifier" ? (declarator.init ?? undefined) : undefined;
}

/** A number known without running code: a literal, or a const bound to one (e.g. `const SALT_ROUNDS = 8`). */
export function staticNumber(context: Rule.RuleContext, node: ESTree.Node | null | undefined): number | undefined {
  if (!node) return undefined;
  if (node.type === "Literal" && typeof node.value === "number") return node.value;
  if (node.type === "Identifier") {
    const init = initOf(context, node);
    if (init && init.type === "Literal" && typeof init.value === "number") return init.value;
  }
  return undefined;
}

/** True when the path looks like a test, a fixture, a seed or a mock rather than application code. */
export function isTestPath(path: string): boolean {
  return /(^|\/)(test|tests|__tests__|__mocks__|spec|specs|fixtures?|e2e|mocks?)\//i.test(path) || /\.(test|spec|e2e-spec)\.[cm]?[jt]sx?$/i.test(path);
}

/** True for sample data: seeds, demos and examples hold made-up accounts, not deployed secrets. */
export function isSampleDataPath(path: string): boolean {
  return isTestPath(path) || /(^|\/)(seeds?|seeders|examples?|demos?|samples?)\//i.test(path) || /(^|[./-])seeds?\.[cm]?[jt]s$/i.test(path);
}

const DEV_ONLY = /NODE_ENV|\bdev(elopment)?\b|isDev|isProd|production|app\.get\(\s*['"]env['"]\s*\)|\blocal(host)?\b|DEBUG/i;

/**
 * True when `node` sits inside a branch chosen by a development-only condition, e.g.
 * `if (process.env.NODE_ENV !== "production") { ... }` or `isDev ? err.stack : undefined`.
 */
export function isInsideDevOnlyBranch(context: Rule.RuleContext, node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if ((current.type === "IfStatement" || current.type === "ConditionalExpression") && current.test !== child) {
      if (DEV_ONLY.test(context.sourceCode.getText(current.test))) return true;
    }
    if (current.type === "LogicalExpression" && current.right === child && current.operator === "&&") {
      if (DEV_ONLY.test(context.sourceCode.getText(current.left))) return true;
    }
    if (current.type === "FunctionDeclaration" || current.type === "Program") return false;
  }
  return false;
}

/** The name an expression reads: `token` -> "token", `req.session.id` -> "id", `tokens.access` -> "access". */
export function readsName(node: ESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return keyName(node.property, node.computed);
  return undefined;
}
