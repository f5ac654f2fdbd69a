/**
 * empty-catch: `catch {}` and `.catch(() => {})` that drop an error and say nothing about it. Quiet when the
 * code says why after all:
 *
 * - a comment in the block, at the end of its line, or on the line before the statement when it speaks of the
 *   error (`// best effort: a failed ping is retried`, `// errors are logged in init()`);
 * - an optional value: `let key; try { key = readKey(); } catch {}` and the code goes on to read `key`. The try
 *   does one thing, assign one variable without waiting on anything, and the variable's earlier value is the
 *   fallback the next lines handle. An `await` in it (a query, a request) keeps the finding: a failed database
 *   call must not pass for "nothing found". So does a request handler: there a bad input is the client's to hear of;
 * - `.catch(() => {})` on a call to a function of this file that catches and handles its own errors
 *   (`async init() { try { ... } catch (error) { log.error(error); ... } }`): the empty handler only stops a
 *   second, unhandled rejection of an error already handled.
 */
import type { AST, Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import type { Node } from "../shared/ast/node.js";
import { inRequestHandler } from "../shared/ast/in-request-handler.js";
import { findVariable } from "../shared/ast/scope.js";

type FunctionNode = ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

/** The statement `node` belongs to: the nearest ancestor directly in a block or program body. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !/^(BlockStatement|Program|StaticBlock|SwitchCase)$/.test(current.parent.type))
    current = current.parent;
  return current;
}

/** Words of a comment that says why an error may be dropped, as opposed to one naming what the code does. */
const WHY_IGNORED =
  /ignor|best[- ]effort|fire[- ]and[- ]forget|optional|on purpose|intentional|don'?t care|not (needed|fatal|important|required)|safe to|swallow|silenc|unhandled|already|error|fail|reject|throw|exception/i;

/** True when a comment ends the statement's last line, or stands on the line just before it and speaks of the error. */
function hasCommentBeside(sourceCode: Rule.RuleContext["sourceCode"], statement: Node): boolean {
  const start = statement.loc?.start.line ?? 0;
  const end = statement.loc?.end.line ?? 0;
  const before = sourceCode.getCommentsBefore(statement as Rule.Node).at(-1);
  if (before?.loc && before.loc.end.line === start - 1 && WHY_IGNORED.test(before.value)) return true;
  const after = sourceCode.getTokenAfter(statement as Rule.Node, { includeComments: true }) as
    AST.Token | ESTree.Comment | null;
  return !!after && (after.type === "Line" || after.type === "Block") && after.loc?.start.line === end;
}

/** The variable a try block's only statement assigns without awaiting, if that is all the block does. */
function optionalValue(block: ESTree.BlockStatement): ESTree.Identifier | undefined {
  const [only] = block.body;
  if (block.body.length !== 1 || only?.type !== "ExpressionStatement") return undefined;
  const expression = only.expression;
  if (expression.type !== "AssignmentExpression" || expression.operator !== "=") return undefined;
  if (expression.left.type !== "Identifier") return undefined;
  let awaits = false;
  const visit = (node: unknown): void => {
    if (awaits || !node || typeof node !== "object") return;
    const typed = node as { type?: string };
    if (typed.type === "AwaitExpression" || typed.type === "YieldExpression") awaits = true;
    if (/Function/.test(typed.type ?? "")) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "parent") continue;
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === "object") visit(value);
    }
  };
  visit(expression.right);
  return awaits ? undefined : expression.left;
}

/** True for `let x; try { x = read(); } catch {}` where `x` is read after the try statement. */
function isOptionalValueFallback(context: Rule.RuleContext, node: ESTree.CatchClause): boolean {
  const tryStatement = (node as Node).parent as ESTree.TryStatement & Node;
  if (tryStatement.finalizer || inRequestHandler(tryStatement)) return false;
  const target = optionalValue(tryStatement.block);
  if (!target) return false;
  const variable = findVariable(context.sourceCode.getScope(tryStatement as Rule.Node), target.name);
  const end = tryStatement.range?.[1] ?? Infinity;
  return !!variable?.references.some((reference) => reference.isRead() && (reference.identifier.range?.[0] ?? 0) > end);
}

/** The function `callee` names in this file: `this.#init` / `this.init` in the enclosing class, or `init`. */
function calledFunction(context: Rule.RuleContext, call: ESTree.CallExpression): ESTree.Function | undefined {
  const callee = call.callee;
  if (callee.type === "Identifier") {
    const def = findVariable(context.sourceCode.getScope(call as Rule.Node), callee.name)?.defs[0];
    if (def?.type === "FunctionName") return def.node as ESTree.FunctionDeclaration;
    if (def?.type === "Variable") {
      const init = (def.node as ESTree.VariableDeclarator).init;
      if (init?.type === "ArrowFunctionExpression" || init?.type === "FunctionExpression") return init;
    }
    return undefined;
  }
  if (callee.type !== "MemberExpression" || callee.object.type !== "ThisExpression") return undefined;
  const key = callee.property;
  const name = key.type === "Identifier" || key.type === "PrivateIdentifier" ? key.name : undefined;
  const isPrivate = key.type === "PrivateIdentifier";
  for (let current = (call as Node).parent; current; current = current.parent) {
    if (current.type !== "ClassBody") continue;
    for (const member of current.body) {
      if (member.type !== "MethodDefinition" || member.computed) continue;
      const memberKey = member.key;
      if ((memberKey.type === "PrivateIdentifier") === isPrivate && "name" in memberKey && memberKey.name === name)
        return member.value;
    }
    return undefined;
  }
  return undefined;
}

/** True when the function's body catches its own errors with a catch that does something. */
function handlesItsOwnErrors(fn: ESTree.Function | undefined): boolean {
  if (!fn || fn.body.type !== "BlockStatement") return false;
  return fn.body.body.some(
    (statement) => statement.type === "TryStatement" && (statement.handler?.body.body.length ?? 0) > 0,
  );
}

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Disallow catch blocks and promise `.catch` handlers that do nothing and say nothing." },
    messages: {
      emptyCatch:
        "Handle the error here: log it with context, answer with an error response, or rethrow it. If ignoring it is right, write a comment in the block saying why. " +
        "An empty catch hides the failure, so the bug shows up later, far from its cause.",
    },
    schema: [],
  },
  create(context) {
    const { sourceCode } = context;
    const isSilent = (block: ESTree.BlockStatement): boolean =>
      block.body.length === 0 && sourceCode.getCommentsInside(block as Rule.Node).length === 0;
    return {
      CatchClause(node: ESTree.CatchClause) {
        if (!isSilent(node.body)) return;
        const statement = (node as Node).parent as Node;
        if (hasCommentBeside(sourceCode, statement) || isOptionalValueFallback(context, node)) return;
        context.report({ node, messageId: "emptyCatch" });
      },
      "CallExpression[callee.property.name='catch']"(node: ESTree.CallExpression) {
        const handler = node.arguments[0] as FunctionNode | undefined;
        if (!handler || (handler.type !== "ArrowFunctionExpression" && handler.type !== "FunctionExpression")) return;
        if (handler.body.type !== "BlockStatement" || !isSilent(handler.body)) return;
        if (hasCommentBeside(sourceCode, statementOf(node as Node))) return;
        const callee = node.callee as ESTree.MemberExpression;
        const promise = callee.object.type === "CallExpression" ? callee.object : undefined;
        if (promise && handlesItsOwnErrors(calledFunction(context, promise))) return;
        context.report({ node: handler, messageId: "emptyCatch" });
      },
    };
  },
};

/** Errors caught and silently dropped: `catch {}` and `.catch(() => {})`. */
export const emptyCatchCheck: EslintCheck = {
  kind: "eslint",
  id: "empty-catch",
  criterion: "clean-code",
  description: "A caught error is dropped without handling or a comment saying why.",
  defaultLevel: "actionable",
  rule,
};
