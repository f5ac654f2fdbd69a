/** Following a name to its binding with ESLint's scope analysis. */
import type { Rule, Scope } from "eslint";
import type * as ESTree from "estree";

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
