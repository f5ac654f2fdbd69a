/**
 * Route handlers and their responses, read from ESTree for the api-design rules (which run in the engine's one
 * ESLint pass). The route shapes and the client list are those of src/checks/shared/route-definitions.ts, which
 * reads the same routes from TypeScript's tree for the multi-file checks; this file adds what those lack: the
 * handler function, its middlewares, and the responses it sends.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { HTTP_METHOD_CALLS, normalizeMethod } from "../shared/http-methods.js";
import { CLIENTS } from "../shared/route-definitions.js";
import { keyName } from "../shared/ast/names.js";
import { findVariable } from "../shared/ast/scope.js";
import { findProperty, staticString } from "../shared/ast/static-values.js";

export type FunctionNode = ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;

export interface RouteHandler {
  /** Upper-case HTTP method, or "ALL". */
  method: string;
  path: string;
  handler: FunctionNode;
  /** Arguments between the path and the handler: middlewares, or Fastify's route options. */
  middlewares: ESTree.Node[];
}

export interface Response {
  node: ESTree.CallExpression;
  /** The status set in the same chain (`res.status(404).json(...)`), when it is a number. */
  status?: number;
  /** The body sent (`json(body)`, `send(body)`), when there is one. */
  body?: ESTree.Node;
  /** The method that sent it: json, send, end, sendStatus... */
  sender: string;
}

const SENDERS = new Set(["json", "send", "end", "sendStatus", "jsonp"]);
const RESPONSE_OBJECT = /^(res|response|reply|resp)$/;

export function isFunction(node: ESTree.Node | undefined): node is FunctionNode {
  return node?.type === "ArrowFunctionExpression" || node?.type === "FunctionExpression";
}

function rootName(node: ESTree.Node): string | undefined {
  let current = node;
  while (current.type === "MemberExpression" || current.type === "CallExpression")
    current = current.type === "MemberExpression" ? current.object : current.callee;
  if (current.type === "Identifier") return current.name;
  return current.type === "ThisExpression" ? "this" : undefined;
}

function pathOf(node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const value = staticString(node);
  if (value !== undefined) return value;
  if (node.type === "TemplateLiteral") return node.quasis.map((quasi) => quasi.value.cooked ?? "").join(":param");
  return undefined;
}

/** `router.route("/tasks").get(handler)`: the path at the start of the chain. */
function chainedPath(target: ESTree.Node): string | undefined {
  let current = target;
  while (current.type === "CallExpression" && current.callee.type === "MemberExpression") {
    const name = keyName(current.callee.property, current.callee.computed) ?? "";
    if (name === "route") return pathOf(current.arguments[0]);
    if (!HTTP_METHOD_CALLS.has(name)) return undefined;
    current = current.callee.object;
  }
  return undefined;
}

/** `asyncHandler(async (req, res) => ...)`: the function a wrapper call is given. */
export function unwrapHandler(node: ESTree.Node | undefined): ESTree.Node | undefined {
  if (node?.type !== "CallExpression") return node;
  const last = node.arguments[node.arguments.length - 1];
  return isFunction(last) ? last : node;
}

/** A handler named by an identifier defined in the same file: `const create = async (req, res) => ...`, `function create(req, res)`. */
function definedHandler(
  node: ESTree.Node | undefined,
  context: Rule.RuleContext | undefined,
  call: ESTree.CallExpression,
): ESTree.Node | undefined {
  if (node?.type !== "Identifier" || !context) return unwrapHandler(node);
  const definition = findVariable(context.sourceCode.getScope(call), node.name)?.defs[0];
  if (!definition) return node;
  if (definition.node.type === "FunctionDeclaration")
    return { ...definition.node, type: "FunctionExpression" } as ESTree.FunctionExpression;
  if (definition.node.type === "VariableDeclarator") return unwrapHandler(definition.node.init ?? undefined) ?? node;
  return node;
}

/** A route a call defines, with the handler argument as written (a function, a name, `controller.create`...). */
export interface RouteShape {
  method: string;
  path: string;
  /** The handler as written: the last argument, or Fastify's `handler` option. */
  handlerArgument: ESTree.Node | undefined;
  middlewares: ESTree.Node[];
}

/** The route a call defines (Express, Koa, Fastify shorthand and `fastify.route({...})`), whatever its handler is. */
export function routeShapeOf(call: ESTree.CallExpression): RouteShape | undefined {
  if (call.callee.type !== "MemberExpression") return undefined;
  const name = keyName(call.callee.property, call.callee.computed) ?? "";
  const target = call.callee.object;
  const root = rootName(target);
  if (root !== undefined && CLIENTS.has(root)) return undefined;
  if (name === "route") {
    const options = call.arguments[0];
    if (options?.type !== "ObjectExpression") return undefined;
    const path = pathOf(findProperty(options, "url")?.value ?? findProperty(options, "path")?.value);
    const method = staticString(findProperty(options, "method")?.value);
    if (!path?.startsWith("/") || !method) return undefined;
    return {
      method: normalizeMethod(method),
      path,
      handlerArgument: findProperty(options, "handler")?.value,
      middlewares: [options],
    };
  }
  if (!HTTP_METHOD_CALLS.has(name)) return undefined;
  const handlerArgument = call.arguments[call.arguments.length - 1];
  const chained = chainedPath(target);
  if (chained !== undefined)
    return chained.startsWith("/")
      ? { method: normalizeMethod(name), path: chained, handlerArgument, middlewares: call.arguments.slice(0, -1) }
      : undefined;
  let index = 0;
  let path = pathOf(call.arguments[0]);
  // koa-router's named routes: router.get("task", "/tasks/:id", handler)
  if (path !== undefined && !path.startsWith("/") && pathOf(call.arguments[1])?.startsWith("/")) {
    path = pathOf(call.arguments[1]);
    index = 1;
  }
  if (!path?.startsWith("/") || call.arguments.length < index + 2) return undefined;
  return { method: normalizeMethod(name), path, handlerArgument, middlewares: call.arguments.slice(index + 1, -1) };
}

/**
 * The route a call defines, with its handler function: Express, Koa, Fastify shorthand and `fastify.route({...})`.
 * Given the rule's context, a handler named by an identifier defined in the same file is followed to its function.
 * Handlers imported from another module are read where they are defined: see imported-handlers.ts.
 */
export function routeHandlerOf(call: ESTree.CallExpression, context?: Rule.RuleContext): RouteHandler | undefined {
  const shape = routeShapeOf(call);
  if (!shape) return undefined;
  const handler = definedHandler(shape.handlerArgument, context, call);
  if (!isFunction(handler)) return undefined;
  return { method: shape.method, path: shape.path, handler, middlewares: shape.middlewares };
}

/** Visits every node under `node` (parent links excluded), nested functions included. */
export function walk(node: ESTree.Node, visit: (node: ESTree.Node) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === "parent") continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value)
        if (item && typeof (item as ESTree.Node).type === "string") walk(item as ESTree.Node, visit);
    } else if (value && typeof (value as ESTree.Node).type === "string") walk(value as ESTree.Node, visit);
  }
}

/** The name of the handler's response parameter (`res`, `reply`), when it has one. */
function responseName(handler: FunctionNode): string | undefined {
  const second = handler.params[1];
  return second?.type === "Identifier" ? second.name : undefined;
}

function statusInChain(node: ESTree.Node): { status?: number; root?: string } {
  let current = node;
  let status: number | undefined;
  while (current.type === "CallExpression" || current.type === "MemberExpression") {
    if (current.type === "CallExpression" && current.callee.type === "MemberExpression") {
      const name = keyName(current.callee.property, current.callee.computed);
      const first = current.arguments[0];
      if ((name === "status" || name === "code") && first?.type === "Literal" && typeof first.value === "number")
        status = first.value;
    }
    current = current.type === "CallExpression" ? current.callee : current.object;
  }
  return {
    ...(status !== undefined ? { status } : {}),
    ...(current.type === "Identifier" ? { root: current.name } : {}),
  };
}

/** The status a statement of its own sets on `root`, a number or "dynamic" (`res.status(error.status || 500);`). */
function statusStatement(statement: ESTree.Node, root: string): number | "dynamic" | undefined {
  if (statement.type !== "ExpressionStatement") return undefined;
  const expression = statement.expression;
  if (expression.type === "CallExpression" && expression.callee.type === "MemberExpression") {
    const name = keyName(expression.callee.property, expression.callee.computed);
    const first = expression.arguments[0];
    const target = expression.callee.object;
    if ((name === "status" || name === "code") && target.type === "Identifier" && target.name === root && first)
      return first.type === "Literal" && typeof first.value === "number" ? first.value : "dynamic";
  }
  if (
    expression.type === "AssignmentExpression" &&
    expression.left.type === "MemberExpression" &&
    expression.left.object.type === "Identifier" &&
    expression.left.object.name === root &&
    keyName(expression.left.property, expression.left.computed) === "statusCode"
  )
    return expression.right.type === "Literal" && typeof expression.right.value === "number"
      ? expression.right.value
      : "dynamic";
  return undefined;
}

/**
 * The status set on `root` by a statement of its own before the call, in the call's block or any block around it:
 * `res.status(404); res.format({ json: () => res.json({ error }) })` answers 404, and so does
 * `res.status(400); return res.json({ message })`. The nearest such statement wins.
 */
export function statusSetBefore(call: ESTree.Node, root: string): number | "dynamic" | undefined {
  let child: ESTree.Node = call;
  for (let parent = parentOf(call); parent; child = parent, parent = parentOf(parent)) {
    const body =
      parent.type === "BlockStatement" || parent.type === "Program"
        ? parent.body
        : parent.type === "SwitchCase"
          ? parent.consequent
          : undefined;
    if (!body) continue;
    const index = (body as ESTree.Node[]).indexOf(child);
    for (let before = index - 1; before >= 0; before--) {
      const status = statusStatement(body[before] as ESTree.Node, root);
      if (status !== undefined) return status;
    }
  }
  return undefined;
}

function parentOf(node: ESTree.Node): ESTree.Node | undefined {
  return (node as ESTree.Node & { parent?: ESTree.Node }).parent;
}

/** A response sent by a call: `res.status(201).json(task)`, `reply.code(404).send()`, `res.sendStatus(204)`. */
export function responseOf(call: ESTree.CallExpression, resName?: string): Response | undefined {
  if (call.callee.type !== "MemberExpression") return undefined;
  const sender = keyName(call.callee.property, call.callee.computed) ?? "";
  if (!SENDERS.has(sender)) return undefined;
  const chain = statusInChain(call.callee.object);
  const { root } = chain;
  const before = chain.status === undefined && root ? statusSetBefore(call, root) : undefined;
  const status = chain.status ?? (typeof before === "number" ? before : undefined);
  if (!root || !(root === resName || RESPONSE_OBJECT.test(root))) return undefined;
  const first = call.arguments[0];
  if (sender === "sendStatus")
    return first?.type === "Literal" && typeof first.value === "number"
      ? { node: call, status: first.value, sender }
      : { node: call, sender };
  return { node: call, sender, ...(status !== undefined ? { status } : {}), ...(first ? { body: first } : {}) };
}

/** Every response the handler sends, in source order. */
export function responsesIn(handler: FunctionNode): Response[] {
  const resName = responseName(handler);
  const found: Response[] = [];
  walk(handler.body, (node) => {
    if (node.type !== "CallExpression") return;
    const response = responseOf(node, resName);
    if (response) found.push(response);
  });
  return found;
}

/** Does the handler read the request body (`req.body`, `request.body`, `ctx.request.body`)? */
export function readsBody(text: string): boolean {
  return /\b(req|request|ctx\.request)\.body\b/.test(text);
}

/** Calls that write to a store: ORM and driver methods, and SQL that changes rows. */
export const WRITE_CALL =
  /\.(create|createMany|insert|insertOne|insertMany|save|update|updateOne|updateMany|upsert|destroy|delete|deleteOne|deleteMany|remove|findByIdAndUpdate|findOneAndUpdate|findByIdAndDelete|findOneAndDelete|increment|decrement|bulkCreate)\s*\(|\b(INSERT\s+INTO|UPDATE\s+["\w.]+\s+SET|DELETE\s+FROM)\b/i;
/** Receivers whose writes are not the database: in-memory collections, caches, sessions, headers. */
export const NOT_A_STORE =
  /\b(map|set|cache|session|headers|searchParams|params|cookies|res|reply|response|localStorage|sessionStorage|formData|url|tags|seen|visited|queue|emitter)\.(delete|set|add|remove|save|update|insert)\s*\(/gi;

/** Hashes, HMACs and ciphers take data with `.update(...)`: `crypto.createHmac("sha256", key).update(token)` writes nothing. */
const CRYPTO_UPDATE =
  /\b(createHash|createHmac|createCipheriv|createDecipheriv|createSign|createVerify)\s*\((?:[^()]|\([^()]*\))*\)(?:\s*\.\s*update\s*\((?:[^()]|\([^()]*\))*\))+/g;
const CRYPTO_RECEIVER_UPDATE =
  /\b(hash|hmac|hasher|digest|cipher|decipher|signer|verifier|shasum|md5sum)\.update\s*\(/gi;

/** The handler's source with writes to non-store receivers (Map, Set, cache, session, a hash) blanked out. */
export function storeText(text: string): string {
  return text.replace(NOT_A_STORE, "").replace(CRYPTO_UPDATE, "$1()").replace(CRYPTO_RECEIVER_UPDATE, "");
}
