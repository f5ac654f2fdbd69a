/** Small readers of a route handler's body for the missing-authorization passes: its calls, and whether it asks who is calling. */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { dottedName, keyName } from "../../../shared/ast/names.js";

/** Visits every node under `root` (the rule's visitor keys), without the parent links. */
export function walk(root: ESTree.Node, context: Rule.RuleContext, visit: (node: ESTree.Node) => void): void {
  const stack: ESTree.Node[] = [root];
  const keys = context.sourceCode.visitorKeys;
  while (stack.length > 0) {
    const node = stack.pop() as ESTree.Node;
    visit(node);
    for (const key of keys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (item && typeof (item as ESTree.Node).type === "string") stack.push(item);
      } else if (child && typeof (child as ESTree.Node).type === "string") stack.push(child as ESTree.Node);
    }
  }
}

export interface CallSite {
  /** The called method or function: `findMany` for `prisma.user.findMany()`. */
  method: string;
  node: ESTree.CallExpression;
}

/** The calls in a function, by the name of the method called. */
export function callsIn(root: ESTree.Node, context: Rule.RuleContext): CallSite[] {
  const calls: CallSite[] = [];
  walk(root, context, (node) => {
    if (node.type !== "CallExpression") return;
    const method =
      node.callee.type === "MemberExpression"
        ? keyName(node.callee.property, node.callee.computed)
        : node.callee.type === "Identifier"
          ? node.callee.name
          : undefined;
    if (method) calls.push({ method, node });
  });
  return calls;
}

const REQUEST = /^(req|request|ctx|context)$/;
const IDENTITY = /^(user|session|auth|currentUser|account|userId|claims|principal)$/;
const CURRENT_USER = /^(get)?(current|session|auth|authenticated|logged(In)?|signed(In)?)User$/i;

/** The handler asks who is calling: `req.user`, `req.session`, `ctx.state.user`, `res.locals.user`, `currentUser(res)`. */
export function identityReadIn(root: ESTree.Node, context: Rule.RuleContext): boolean {
  let found = false;
  walk(root, context, (node) => {
    if (node.type === "Identifier" && CURRENT_USER.test(node.name)) found = true;
    if (node.type !== "MemberExpression") return;
    const property = keyName(node.property, node.computed) ?? "";
    const owner = dottedName(node.object) ?? "";
    if (IDENTITY.test(property) && (REQUEST.test(owner) || owner === "res.locals" || owner.endsWith(".state")))
      found = true;
  });
  return found;
}
