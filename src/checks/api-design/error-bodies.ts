import ts from "typescript";
import { parseSource } from "../shared/parse-source.js";
import { propertyName } from "../shared/string-value.js";

export interface ErrorBody {
  path: string;
  line: number;
  status: number;
  /** The key that carries the error (`error`, `message`, `errors`...), "string" for a bare string, "other" otherwise. */
  shape: string;
}

const CARRIERS = ["error", "errors", "message", "msg", "detail", "title", "code", "reason"];
const RESPONSE_ROOT = /^(res|response|reply|resp)$/;

function shapeOf(body: ts.Expression | undefined): string | undefined {
  if (!body) return undefined;
  if (ts.isStringLiteralLike(body) || ts.isTemplateExpression(body)) return "string";
  if (!ts.isObjectLiteralExpression(body)) return undefined;
  const keys = body.properties.flatMap((property) => {
    const name = property.name ? propertyName(property.name) : undefined;
    return name ? [name] : [];
  });
  return CARRIERS.find((key) => keys.includes(key)) ?? (keys.length > 0 ? keys.slice().sort().join("+") : undefined);
}

/** `res.status(404).json(body)` / `reply.code(400).send(body)`: the status and body of an error answer. */
function errorAnswer(call: ts.CallExpression): { status: number; body: ts.Expression | undefined } | undefined {
  if (!ts.isPropertyAccessExpression(call.expression) || !["json", "send"].includes(call.expression.name.text)) return undefined;
  const statusCall = call.expression.expression;
  if (!ts.isCallExpression(statusCall) || !ts.isPropertyAccessExpression(statusCall.expression)) return undefined;
  if (!["status", "code"].includes(statusCall.expression.name.text)) return undefined;
  const root = statusCall.expression.expression;
  if (!ts.isIdentifier(root) || !RESPONSE_ROOT.test(root.text)) return undefined;
  const first = statusCall.arguments[0];
  if (!first || !ts.isNumericLiteral(first)) return undefined;
  const status = Number(first.text);
  return status >= 400 ? { status, body: call.arguments[0] } : undefined;
}

/** Every error answer with a literal status and a literal body in a file, read from its syntax. */
export function errorBodies(path: string, content: string): ErrorBody[] {
  if (!/\.(status|code)\(\s*[45]\d\d\s*\)/.test(content)) return [];
  const source = parseSource(path, content);
  const found: ErrorBody[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const answer = errorAnswer(node);
      const shape = answer && shapeOf(answer.body);
      if (answer && shape) found.push({ path, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, status: answer.status, shape });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The shape most error answers use, when one clearly dominates (at least half, and at least two answers). */
export function dominantShape(bodies: readonly ErrorBody[]): { shape: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const body of bodies) counts.set(body.shape, (counts.get(body.shape) ?? 0) + 1);
  const [shape, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return shape !== undefined && count !== undefined && count >= 2 && count * 2 >= bodies.length ? { shape, count } : undefined;
}

export function describeShape(shape: string): string {
  return shape === "string" ? "a plain string" : `\`{ ${shape.replace(/\+/g, ", ")}: ... }\``;
}
