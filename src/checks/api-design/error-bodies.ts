import type { TSESTree } from "@typescript-eslint/typescript-estree";
import { parseFile } from "../../syntax/parse-file.js";
import { walk } from "../shared/ast/walk.js";

export interface ErrorBody {
  path: string;
  line: number;
  status: number;
  /** The key that carries the error (`error`, `message`, `errors`...), "string" for a bare string, "other" otherwise. */
  shape: string;
}

const CARRIERS = ["error", "errors", "message", "msg", "detail", "title", "code", "reason"];
const RESPONSE_ROOT = /^(res|response|reply|resp)$/;

function keyOf(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== "Property" || property.computed) return undefined;
  if (property.key.type === "Identifier") return property.key.name;
  return property.key.type === "Literal" && typeof property.key.value === "string" ? property.key.value : undefined;
}

function shapeOf(body: TSESTree.Node | undefined): string | undefined {
  if (!body) return undefined;
  if ((body.type === "Literal" && typeof body.value === "string") || body.type === "TemplateLiteral") return "string";
  if (body.type !== "ObjectExpression") return undefined;
  const keys = body.properties.flatMap((property) => {
    const name = keyOf(property);
    return name ? [name] : [];
  });
  return CARRIERS.find((key) => keys.includes(key)) ?? (keys.length > 0 ? keys.slice().sort().join("+") : undefined);
}

function memberName(node: TSESTree.Node): string | undefined {
  return node.type === "MemberExpression" && !node.computed && node.property.type === "Identifier"
    ? node.property.name
    : undefined;
}

/** `res.status(404).json(body)` / `reply.code(400).send(body)`: the status and body of an error answer. */
function errorAnswer(call: TSESTree.CallExpression): { status: number; body: TSESTree.Node | undefined } | undefined {
  const sent = memberName(call.callee);
  if (!sent || !["json", "send"].includes(sent) || call.callee.type !== "MemberExpression") return undefined;
  const statusCall = call.callee.object;
  if (statusCall.type !== "CallExpression" || statusCall.callee.type !== "MemberExpression") return undefined;
  const setter = memberName(statusCall.callee);
  if (!setter || !["status", "code"].includes(setter)) return undefined;
  const root = statusCall.callee.object;
  if (root.type !== "Identifier" || !RESPONSE_ROOT.test(root.name)) return undefined;
  const first = statusCall.arguments[0];
  if (!first || first.type !== "Literal" || typeof first.value !== "number") return undefined;
  const status = first.value;
  return status >= 400 ? { status, body: call.arguments[0] } : undefined;
}

/** Every error answer with a literal status and a literal body in a file, read from its syntax. */
export function errorBodies(path: string, content: string): ErrorBody[] {
  if (!/\.(status|code)\(\s*[45]\d\d\s*\)/.test(content)) return [];
  const program = parseFile(path, content);
  if (!program) return [];
  const found: ErrorBody[] = [];
  walk(program, (node) => {
    if (node.type !== "CallExpression") return;
    const answer = errorAnswer(node);
    const shape = answer && shapeOf(answer.body);
    if (answer && shape) found.push({ path, line: node.loc.start.line, status: answer.status, shape });
  });
  return found;
}

/** The shape most error answers use, when one clearly dominates (at least half, and at least two answers). */
export function dominantShape(bodies: readonly ErrorBody[]): { shape: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const body of bodies) counts.set(body.shape, (counts.get(body.shape) ?? 0) + 1);
  const [shape, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return shape !== undefined && count !== undefined && count >= 2 && count * 2 >= bodies.length
    ? { shape, count }
    : undefined;
}

export function describeShape(shape: string): string {
  return shape === "string" ? "a plain string" : `\`{ ${shape.replace(/\+/g, ", ")}: ... }\``;
}
