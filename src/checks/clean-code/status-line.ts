/**
 * `console.log("Vector search index created.")`, `console.log(\`Cleaned up ${count} sessions\`)`: a status line, a
 * sentence the program means to print about what it did, as opposed to debugging output (`console.log(user)`,
 * `console.log("here")`, `console.log("data:", data)`). Its advice is a logger with a level, not removal, and it is
 * informative: in a service with no logger yet, a status line is a habit to improve, not a mistake left behind.
 */
import type * as ESTree from "estree";

/** Words that mark a line as debugging however long it is. */
const DEBUG_MARKER = /^\s*(?:here|debug|test(?:ing)?|got|check(?:ing)?|>+|\*+|-{2,}|=+|#+)\b/i;
/** Words of letters, outside the interpolated values (a status line has at least two). */
const WORD = /[A-Za-z]{2,}/g;

function staticText(node: ESTree.Node): string | undefined {
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(" ");
  return undefined;
}

/** True when the console call `call` prints one sentence of two or more words (values interpolated in it allowed). */
export function isStatusLine(call: ESTree.Node | undefined): boolean {
  if (call?.type !== "CallExpression" || call.arguments.length !== 1) return false;
  const [argument] = call.arguments;
  const text = argument ? staticText(argument as ESTree.Node) : undefined;
  if (text === undefined || DEBUG_MARKER.test(text) || /:\s*$/.test(text.trim())) return false;
  return (text.match(WORD) ?? []).length >= 2;
}
