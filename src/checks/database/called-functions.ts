/**
 * The functions of this file a request handler calls: `createOrder(req.body)` where `createOrder` is declared
 * here (a function declaration, or a `const` bound to a function), and `this.createOrder(...)` where the
 * handler is a method of a class that defines `createOrder`. A service function takes the request's data
 * without `req`, so it is not a handler by its parameters; what it does still runs in the request.
 * One level deep: the functions those functions call are not followed.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { keyName } from "../shared/ast/names.js";
import type { Node } from "../shared/ast/node.js";
import { findVariable } from "../shared/ast/scope.js";
import {
  enclosingFunctionOf,
  enclosingHandler,
  isFunction,
  isRequestHandler,
  walk,
  type FunctionNode,
} from "./database-calls.js";

function declaredFunction(context: Rule.RuleContext, callee: ESTree.Identifier): FunctionNode | undefined {
  const variable = findVariable(context.sourceCode.getScope(callee as Rule.Node), callee.name);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type === "FunctionName" && isFunction(def.node as ESTree.Node)) return def.node as FunctionNode;
  if (def?.type === "Variable") {
    const init = (def.node as ESTree.VariableDeclarator).init;
    if (isFunction(init)) return init;
  }
  return undefined;
}

function classMethod(handler: FunctionNode, name: string): FunctionNode | undefined {
  for (let current = (handler as Node).parent; current; current = current.parent) {
    if (current.type !== "ClassBody") continue;
    for (const member of current.body) {
      if (member.type !== "MethodDefinition" || member.key.type === "PrivateIdentifier") continue;
      if (keyName(member.key, member.computed) === name) return member.value;
    }
    return undefined;
  }
  return undefined;
}

/** The distinct functions of this file `handler` calls (not itself, not the functions nested in it). */
export function calledFunctions(context: Rule.RuleContext, handler: FunctionNode): FunctionNode[] {
  const found = new Set<FunctionNode>();
  walk(handler.body, (node) => {
    if (node.type !== "CallExpression") return;
    const callee = node.callee;
    let target: FunctionNode | undefined;
    if (callee.type === "Identifier") target = declaredFunction(context, callee);
    else if (callee.type === "MemberExpression" && callee.object.type === "ThisExpression" && !callee.computed) {
      const name = keyName(callee.property, false);
      if (name) target = classMethod(handler, name);
    }
    if (target && target !== handler && !isNestedIn(target, handler)) found.add(target);
  });
  return [...found];
}

function isNestedIn(inner: ESTree.Node, outer: ESTree.Node): boolean {
  for (let current = (inner as Node).parent; current; current = current.parent) if (current === outer) return true;
  return false;
}

const servicesOfFile = new WeakMap<ESTree.Program, ReadonlySet<FunctionNode>>();

/** The functions of this file some request handler of it calls (computed once per file). */
function serviceFunctions(context: Rule.RuleContext): ReadonlySet<FunctionNode> {
  const program = context.sourceCode.ast as ESTree.Program;
  let services = servicesOfFile.get(program);
  if (!services) {
    const found = new Set<FunctionNode>();
    walk(program, (node) => {
      if (isFunction(node) && isRequestHandler(node))
        for (const called of calledFunctions(context, node)) found.add(called);
    });
    services = found;
    servicesOfFile.set(program, services);
  }
  return services;
}

/** True when `node` runs while a request is answered: in a handler, or in a function of this file a handler calls. */
export function runsInRequest(context: Rule.RuleContext, node: ESTree.Node): boolean {
  if (enclosingHandler(node)) return true;
  const services = serviceFunctions(context);
  for (let fn = enclosingFunctionOf(node); fn; fn = enclosingFunctionOf(fn)) if (services.has(fn)) return true;
  return false;
}
