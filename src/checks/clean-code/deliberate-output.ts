/**
 * Console output a program means to print, which console-log leaves alone: the process telling whoever started
 * it that it is up, stopping or giving up, and output the code switches on with a verbose or debug flag or for
 * some environments only (`NODE_ENV`). What
 * is left is output in the code that serves requests, which a logger should carry.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";

type Node = ESTree.Node;

const FUNCTION = new Set(["ArrowFunctionExpression", "FunctionExpression", "FunctionDeclaration"]);
const FLAG = /^(is)?(verbose|debug)(mode|enabled)?$/i;
const SIGNAL = /^SIG[A-Z]+$/;

/** `a.b` for a plain member access, the name for an identifier, "" otherwise. */
function dotted(node: Node): string {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier") {
    const object = dotted(node.object);
    return object ? `${object}.${node.property.name}` : "";
  }
  return "";
}

/** The method a call calls (`listen` in `app.listen(3000)`), or "". */
function methodOf(node: Node | null | undefined): string {
  if (node?.type !== "CallExpression" || node.callee.type !== "MemberExpression" || node.callee.computed) return "";
  return node.callee.property.type === "Identifier" ? node.callee.property.name : "";
}

const unwrapAwait = (node: Node | null | undefined): Node | null | undefined =>
  node?.type === "AwaitExpression" ? node.argument : node;

/** The call a statement makes: `app.listen(3000);`, `await server.listen();`, `const server = app.listen(3000);`. */
function callOf(statement: Node): Node | null | undefined {
  if (statement.type === "ExpressionStatement") return unwrapAwait(statement.expression);
  if (statement.type === "VariableDeclaration" && statement.declarations.length === 1)
    return unwrapAwait(statement.declarations[0]?.init);
  return undefined;
}

const isConsoleStatement = (statement: Node): boolean => {
  const call = callOf(statement);
  return call?.type === "CallExpression" && dotted(call.callee).startsWith("console.");
};

/** `require.main === module`, `!module.parent`: the block that runs only when the file is started directly. */
function startsDirectly(test: Node): boolean {
  if (test.type === "UnaryExpression" && test.operator === "!") return dotted(test.argument) === "module.parent";
  if (test.type === "BinaryExpression" && (test.operator === "===" || test.operator === "==")) {
    const sides = [dotted(test.left as Node), dotted(test.right)].sort().join(" ");
    return sides === "module require.main";
  }
  return false;
}

/**
 * `verbose`, `options.debug`, `process.env.DEBUG`, a comparison of `NODE_ENV` (`process.env.NODE_ENV !== "test"`:
 * the author chose where it prints), or one of them joined with `&&`.
 */
function testsFlag(test: Node): boolean {
  if (test.type === "LogicalExpression" && test.operator === "&&") return testsFlag(test.left) || testsFlag(test.right);
  if (test.type === "BinaryExpression" && ["===", "!==", "==", "!="].includes(test.operator))
    return [test.left as Node, test.right].some((side) => dotted(side).endsWith("NODE_ENV"));
  const name = dotted(test).split(".").pop() ?? "";
  return FLAG.test(name);
}

/** The statement list a console call's statement sits in, and its place there. */
function placeInBlock(ancestors: readonly Node[]): { siblings: readonly Node[]; index: number } | undefined {
  for (let index = ancestors.length - 1; index > 0; index -= 1) {
    const statement = ancestors[index] as Node;
    if (FUNCTION.has(statement.type)) return undefined;
    if (statement.type !== "ExpressionStatement") continue;
    const parent = ancestors[index - 1] as Node;
    const siblings =
      parent.type === "Program" || parent.type === "BlockStatement"
        ? (parent.body as Node[])
        : parent.type === "SwitchCase"
          ? parent.consequent
          : undefined;
    return siblings ? { siblings, index: siblings.indexOf(statement) } : undefined;
  }
  return undefined;
}

/** Right after `app.listen(3000);` (other console lines between), or right before `process.exit(1)`. */
function besideListenOrExit(ancestors: readonly Node[]): boolean {
  const place = placeInBlock(ancestors);
  if (!place) return false;
  const { siblings, index } = place;
  let before = index - 1;
  while (before >= 0 && isConsoleStatement(siblings[before] as Node)) before -= 1;
  if (before >= 0 && methodOf(callOf(siblings[before] as Node)) === "listen") return true;
  let after = index + 1;
  while (after < siblings.length && isConsoleStatement(siblings[after] as Node)) after += 1;
  const next = siblings[after];
  const call = next && callOf(next);
  return call?.type === "CallExpression" && dotted(call.callee) === "process.exit";
}

/** A callback of `x.listen(port, cb)`, `x.listen().then(cb)`, or `process.on("SIGTERM", cb)`. */
function lifecycleCallback(fn: Node, call: Node | undefined): boolean {
  if (call?.type !== "CallExpression" || !call.arguments.includes(fn as ESTree.Expression)) return false;
  const method = methodOf(call);
  if (method === "listen") return true;
  if (method === "then" && call.callee.type === "MemberExpression")
    return methodOf(unwrapAwait(call.callee.object as Node)) === "listen";
  if ((method === "on" || method === "once") && call.callee.type === "MemberExpression") {
    const [event] = call.arguments;
    return (
      dotted(call.callee.object as Node) === "process" &&
      event?.type === "Literal" &&
      typeof event.value === "string" &&
      SIGNAL.test(event.value)
    );
  }
  return false;
}

/** True for a console call a program means to make (see the file's comment). */
export function isDeliberateOutput(node: Node, context: Rule.RuleContext): boolean {
  const ancestors = context.sourceCode.getAncestors(node) as Node[];
  let inFunction = false;
  for (let index = ancestors.length - 1; index >= 0; index -= 1) {
    const ancestor = ancestors[index] as Node;
    const inner = ancestors[index + 1] ?? node;
    if (ancestor.type === "IfStatement" && inner !== ancestor.test) {
      if (startsDirectly(ancestor.test) || (inner === ancestor.consequent && testsFlag(ancestor.test))) return true;
    }
    if (ancestor.type === "LogicalExpression" && ancestor.operator === "&&" && inner === ancestor.right) {
      if (testsFlag(ancestor.left)) return true;
    }
    if (FUNCTION.has(ancestor.type)) {
      if (lifecycleCallback(ancestor, ancestors[index - 1])) return true;
      inFunction = true;
    }
  }
  if (besideListenOrExit(ancestors)) return true;
  // Module scope of the file that starts the server runs once, at startup: notes to whoever started it.
  return !inFunction && /\.listen\(/.test(context.sourceCode.text);
}
