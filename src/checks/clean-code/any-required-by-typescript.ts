/**
 * Positions where TypeScript itself needs `any` and `unknown` would not compile or would mean something else,
 * so `no-explicit-any` has nothing to teach there:
 *
 * - the rest parameter of a function or constructor *type* (`T extends (...args: any[]) => unknown`,
 *   `new (...args: any[]) => T`): parameters are checked contravariantly, so `(...args: unknown[]) => unknown`
 *   does not accept `(id: string) => User`; `any[]` is how TypeScript spells "any function" there;
 * - the constructor of a mixin class (`class extends Base` where `Base` is a parameter, or `extends this`):
 *   TypeScript requires it to take exactly `...args: any[]` (error TS2545);
 * - a type argument in a type parameter's constraint (`E extends Entity<any>`, `S extends ZodObject<any>`): it
 *   says "any kind of Entity", and `Entity<unknown>` is often rejected because the generic type uses its
 *   parameter both ways (a property and a method's parameter); values are still typed `E`, not `any`.
 *
 * A rest parameter of a function that runs (`function log(...args: any[])`) is not one of them: `unknown[]` is
 * the better type there, and the check still reports it.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { Node } from "../shared/ast/node.js";
import { findVariable } from "../shared/ast/scope.js";

const SIGNATURE_TYPES = new Set([
  "TSFunctionType",
  "TSConstructorType",
  "TSConstructSignatureDeclaration",
  "TSCallSignatureDeclaration",
]);

/** The rest parameter whose `any[]` / `Array<any>` annotation `any` is the element type of, if it is. */
function restParameterOf(node: Node): Node | undefined {
  let current = node.parent;
  if (current?.type === ("TSArrayType" as string)) current = current.parent;
  else if (current?.type === ("TSTypeParameterInstantiation" as string)) {
    const reference = current.parent as (Node & { typeName?: ESTree.Node }) | undefined;
    if (reference?.type !== ("TSTypeReference" as string) || reference.typeName?.type !== "Identifier")
      return undefined;
    if ((reference.typeName as ESTree.Identifier).name !== "Array") return undefined;
    current = reference.parent;
  } else return undefined;
  if (current?.type !== ("TSTypeAnnotation" as string)) return undefined;
  return current.parent?.type === "RestElement" ? current.parent : undefined;
}

/** True for a mixin's constructor: the only parameter of the constructor of a class extending `this` or a parameter. */
function isMixinConstructor(rest: Node, context: Rule.RuleContext): boolean {
  const fn = rest.parent;
  if (fn?.type !== "FunctionExpression" || fn.params.length !== 1) return false;
  const method = fn.parent;
  if (method?.type !== "MethodDefinition" || method.kind !== "constructor") return false;
  const owner = method.parent?.parent;
  if (owner?.type !== "ClassExpression" && owner?.type !== "ClassDeclaration") return false;
  const base = owner.superClass;
  if (base?.type === "ThisExpression") return true;
  if (base?.type !== "Identifier") return false;
  const variable = findVariable(context.sourceCode.getScope(owner as Rule.Node), base.name);
  return variable?.defs[0]?.type === "Parameter";
}

/** True for the `any` in `<E extends Entity<any>>`: a type argument inside a type parameter's constraint. */
function isTypeArgumentInConstraint(node: Node): boolean {
  let inTypeArguments = false;
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === ("TSTypeParameterInstantiation" as string)) inTypeArguments = true;
    else if (parent.type === ("TSTypeParameter" as string))
      return inTypeArguments && (parent as unknown as { constraint?: Node }).constraint === child;
    else if (!parent.type.startsWith("TS")) return false;
  }
  return false;
}

/** True when this `any` (a TSAnyKeyword node) sits where TypeScript needs `any`. */
export function isAnyRequiredByTypeScript(node: ESTree.Node, context: Rule.RuleContext): boolean {
  if (isTypeArgumentInConstraint(node as Node)) return true;
  const rest = restParameterOf(node as Node);
  if (!rest) return false;
  if (SIGNATURE_TYPES.has(rest.parent?.type ?? "")) return true;
  return isMixinConstructor(rest, context);
}
