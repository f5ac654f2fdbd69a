/**
 * Where request input enters in Express, Fastify, Koa, Hapi, NestJS, Next.js and AWS Lambda handlers, GraphQL
 * resolvers and WebSocket / postMessage listeners: which properties of the request object carry input, what
 * shape they have, and which parameters are request objects or messages.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { SecurityCategory } from "../../../../contract/security-categories.js";
import type { Shape, Taint } from "./taint.js";

const NO_CLEAN: ReadonlySet<SecurityCategory> = new Set();

/** Properties of a request object that hold input, with the shape of their value. */
const REQUEST_PROPERTIES: Record<string, Shape> = {
  query: "whole",
  params: "whole",
  body: "whole",
  headers: "whole",
  header: "whole",
  cookies: "whole",
  signedCookies: "whole",
  files: "whole",
  file: "whole",
  url: "string",
  originalUrl: "string",
  path: "string",
  href: "string",
  querystring: "string",
  search: "string",
  rawBody: "string",
  hostname: "string",
  // Hapi
  payload: "whole",
  // AWS Lambda (API Gateway, ALB, function URLs)
  queryStringParameters: "whole",
  multiValueQueryStringParameters: "whole",
  pathParameters: "whole",
  // Next.js: request.nextUrl.searchParams
  nextUrl: "value",
};

/** Methods of a request object whose result is the body: Fetch-API `request.json()` (Next.js route handlers, Hono). */
export const REQUEST_BODY_READERS = new Set(["json", "formData", "text"]);

/** Containers whose members are always strings (route params, headers, cookies, Koa's querystring parser). */
const STRING_MEMBERS = new Set([
  "params",
  "headers",
  "header",
  "cookies",
  "signedCookies",
  "queryStringParameters",
  "pathParameters",
]);

/** Methods of a request object that return input: req.get("x"), req.header("x"), req.param("x"), ctx.get("x"). */
export const REQUEST_GETTERS = new Set(["get", "header", "param"]);

const REQUEST_NAMES = new Set(["req", "request", "ctx"]);
/** A Koa context by its usual names: its `body` is the response's. */
const KOA_CONTEXT = /^(ctx|context)$/;
const REQUEST_TYPES =
  /^(Request|FastifyRequest|Context|ParameterizedContext|RouterContext|NextApiRequest|NextRequest|IncomingMessage|ExpressRequest|APIGatewayProxyEvent|APIGatewayProxyEventV2|ALBEvent|LambdaFunctionURLEvent)$/;
const ROUTE_METHODS = new Set([
  "get",
  "post",
  "put",
  "patch",
  "delete",
  "del",
  "all",
  "use",
  "options",
  "head",
  "route",
  "on",
]);

export function requestObjectTaint(name: string, clean: ReadonlySet<SecurityCategory> = NO_CLEAN): Taint {
  return { source: name, path: [], kind: "request", shape: "request", clean };
}

const SCHEMA_MIDDLEWARE =
  /^(celebrate|validate|validateBody|validateRequest|validateQuery|validateParams|zValidator|validator)$/;

/**
 * What a route's own validation already guarantees for its handler: a Fastify route `schema`, a
 * celebrate/zod/joi validation middleware, or express-validator checked with `validationResult(req)`
 * make values the declared types (no smuggled objects or extra fields).
 */
export function routeValidation(fn: TSESTree.Node, handlerText: string): ReadonlySet<SecurityCategory> {
  const call = fn.parent;
  const validated = new Set<SecurityCategory>();
  if (/\bvalidationResult\s*\(/.test(handlerText)) validated.add("nosql-injection");
  if (call?.type !== "CallExpression") return validated;
  for (const argument of call.arguments) {
    if (argument === fn) continue;
    const isSchemaOption =
      argument.type === "ObjectExpression" &&
      argument.properties.some(
        (property) =>
          property.type === "Property" && property.key.type === "Identifier" && property.key.name === "schema",
      );
    const isMiddleware =
      argument.type === "CallExpression" &&
      argument.callee.type === "Identifier" &&
      SCHEMA_MIDDLEWARE.test(argument.callee.name);
    if (isSchemaOption || isMiddleware)
      for (const category of ["nosql-injection", "mass-assignment", "prototype-pollution"] as const)
        validated.add(category);
  }
  return validated;
}

/** The taint of `<request>.<property>`, or undefined when that property holds no input. */
export function requestPropertyTaint(request: Taint, property: string): Taint | undefined {
  const source = `${request.source}.${property}`;
  if (property === "request" || property === "req") return { ...request, source };
  // Koa: `ctx.body` is the response body (what the app answers); the request's is `ctx.request.body`.
  if (property === "body" && KOA_CONTEXT.test(request.source)) return undefined;
  const shape = REQUEST_PROPERTIES[property];
  if (!shape) return undefined;
  return { source, path: request.path, kind: "request", shape, clean: request.clean };
}

/** The shape of a member of a request container: `req.params.id` is a string, `req.body.email` may be an object. */
export function memberShapeOf(container: Taint): Shape {
  const last = container.source.split(".").pop() ?? "";
  return container.path.length === 0 && STRING_MEMBERS.has(last) ? "string" : "value";
}

function typeName(param: TSESTree.Parameter): string | undefined {
  const annotation = "typeAnnotation" in param ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== "TSTypeReference") return undefined;
  const name = annotation.typeName;
  return name.type === "Identifier" ? name.name : name.type === "TSQualifiedName" ? name.right.name : undefined;
}

/** True for a function passed to app.get(...), router.post(...), fastify.route(...), and the like. */
function isRouteCallback(fn: TSESTree.Node): boolean {
  let parent = fn.parent;
  if (parent?.type === "Property") parent = parent.parent?.parent; // fastify.route({ handler })
  if (parent?.type !== "CallExpression" || parent.callee.type !== "MemberExpression") return false;
  const property = parent.callee.property;
  return property.type === "Identifier" && ROUTE_METHODS.has(property.name);
}

/** True when parameter `index` of function `fn` is a request object (req, request, ctx, or the first argument of a route callback). */
export function isRequestParameter(fn: TSESTree.FunctionLike, param: TSESTree.Parameter, index: number): boolean {
  if (param.type === "Identifier" && REQUEST_NAMES.has(param.name)) return true;
  if (index === 0 && isLambdaHandler(fn)) return true;
  const type = typeName(param);
  if (type && REQUEST_TYPES.test(type)) return true;
  const isErrorHandler = fn.params.length === 4;
  return index === (isErrorHandler ? 1 : 0) && isRouteCallback(fn);
}

/** The name a function is exported or assigned as: `exports.handler = `, `export const handler = `, `module.exports.main = `. */
function assignedName(fn: TSESTree.FunctionLike): { name: string; type?: string } | undefined {
  const parent = fn.parent;
  if (parent?.type === "VariableDeclarator" && parent.id.type === "Identifier") {
    const annotation = parent.id.typeAnnotation?.typeAnnotation;
    const type =
      annotation?.type === "TSTypeReference" && annotation.typeName.type === "Identifier"
        ? annotation.typeName.name
        : undefined;
    const exported = parent.parent?.parent?.type === "ExportNamedDeclaration";
    return exported || type ? { name: parent.id.name, ...(type ? { type } : {}) } : undefined;
  }
  if (
    parent?.type === "AssignmentExpression" &&
    parent.left.type === "MemberExpression" &&
    parent.left.property.type === "Identifier"
  ) {
    const object = parent.left.object;
    const isExports =
      (object.type === "Identifier" && object.name === "exports") ||
      (object.type === "MemberExpression" && object.object.type === "Identifier" && object.object.name === "module");
    return isExports ? { name: parent.left.property.name } : undefined;
  }
  if (fn.type === "FunctionDeclaration" && fn.id && fn.parent?.type === "ExportNamedDeclaration")
    return { name: fn.id.name };
  return undefined;
}

/**
 * An AWS Lambda / serverless handler: exported as `handler` (or typed `Handler`, `APIGatewayProxyHandler`),
 * taking `(event, context)`. Its event carries the HTTP request (`body`, `queryStringParameters`, `pathParameters`).
 */
function isLambdaHandler(fn: TSESTree.FunctionLike): boolean {
  const first = fn.params[0];
  if (first?.type !== "Identifier" || !/^(event|evt|e)$/.test(first.name)) return false;
  const assigned = assignedName(fn);
  if (!assigned) return false;
  return (
    assigned.name === "handler" ||
    /^(APIGateway\w*Handler|ALBHandler|Handler|LambdaFunctionURLHandler)$/.test(assigned.type ?? "")
  );
}

/**
 * GraphQL resolver arguments: the second parameter of a function in a resolver map
 * (`Query: { user: (parent, args) => ... }`, `Mutation: { ... }`).
 */
export function isResolverArguments(fn: TSESTree.FunctionLike, index: number): boolean {
  if (index !== 1) return false;
  const property = fn.parent;
  if (property?.type !== "Property" || property.value !== fn) return false;
  const map = property.parent;
  const owner = map?.type === "ObjectExpression" ? map.parent : undefined;
  return (
    owner?.type === "Property" &&
    owner.key.type === "Identifier" &&
    /^(Query|Mutation|Subscription)$/.test(owner.key.name)
  );
}

const LIFECYCLE_EVENTS =
  /^(connection|connect|open|close|error|disconnect|disconnecting|listening|upgrade|headers|ping|pong|end|finish|drain|request|response|data|readable)$/;
const SOCKET_NAMES = /^(ws|wss|socket|sock|client|conn|connection|websocket|webSocket|io|peer|channel)$/;

export type MessageSource = "message" | "message event" | "postMessage event";

/**
 * A listener receiving data someone else sent: `ws.on("message", (data) => ...)`, socket.io's
 * `socket.on("chat", (msg) => ...)` (the data itself), and `ws.onmessage = (event) =>` /
 * `window.addEventListener("message", (event) => ...)` (a MessageEvent whose `.data` is the input).
 */
export function messageSourceOf(fn: TSESTree.FunctionLike, index: number): MessageSource | undefined {
  const parent = fn.parent;
  if (parent?.type === "AssignmentExpression" && parent.right === fn && parent.left.type === "MemberExpression") {
    const property = parent.left.property;
    return index === 0 && property.type === "Identifier" && property.name === "onmessage" ? "message event" : undefined;
  }
  if (parent?.type !== "CallExpression" || parent.callee.type !== "MemberExpression" || parent.arguments[1] !== fn)
    return undefined;
  const method = parent.callee.property.type === "Identifier" ? parent.callee.property.name : "";
  const event = parent.arguments[0];
  const eventName = event?.type === "Literal" && typeof event.value === "string" ? event.value : undefined;
  if (!eventName) return undefined;
  const receiver = parent.callee.object;
  const receiverName =
    receiver.type === "Identifier"
      ? receiver.name
      : receiver.type === "MemberExpression" && receiver.property.type === "Identifier"
        ? receiver.property.name
        : "";
  if (method === "addEventListener") {
    if (eventName !== "message" || index !== 0) return undefined;
    return /^(window|self|globalThis|)$/.test(receiverName) ? "postMessage event" : "message event";
  }
  if (method !== "on" && method !== "once") return undefined;
  if (!SOCKET_NAMES.test(receiverName) || LIFECYCLE_EVENTS.test(eventName)) return undefined;
  return "message";
}

const NEST_DECORATORS: Record<string, string> = {
  Args: "args",
  Arg: "args",
  Query: "query",
  Param: "params",
  Body: "body",
  Headers: "headers",
  Cookies: "cookies",
  Req: "",
  Request: "",
};
const NEST_PARSE_PIPES = /^Parse(Int|Float|Bool|UUID|Enum|Array|Date)Pipe$/;

/** The taint of a NestJS handler parameter decorated with @Query(), @Param("id"), @Body(), @Req() ..., if any. */
export function nestParameterTaint(param: TSESTree.Parameter): Taint | undefined {
  const target = param.type === "TSParameterProperty" ? param.parameter : param;
  const decorators = "decorators" in target ? target.decorators : [];
  for (const decorator of decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== "CallExpression" || call.callee.type !== "Identifier") continue;
    const container = NEST_DECORATORS[call.callee.name];
    if (container === undefined) continue;
    if (container === "") return requestObjectTaint("@Req()");
    const [key, ...pipes] = call.arguments;
    if (pipes.some((pipe) => pipe.type === "Identifier" && NEST_PARSE_PIPES.test(pipe.name))) return undefined;
    if (
      pipes.some(
        (pipe) =>
          pipe.type === "NewExpression" && pipe.callee.type === "Identifier" && NEST_PARSE_PIPES.test(pipe.callee.name),
      )
    )
      return undefined;
    const keyText = key?.type === "Literal" ? String(key.value) : undefined;
    const source = keyText ? `@${call.callee.name}("${keyText}")` : `@${call.callee.name}()`;
    const shape: Shape = keyText ? (container === "params" || container === "headers" ? "string" : "value") : "whole";
    const dto = typeName(target as TSESTree.Parameter);
    const validated = dto !== undefined && /^[A-Z]/.test(dto) && !/^(Record|Partial|Object|Array)$/.test(dto);
    const clean = validated
      ? new Set(["mass-assignment", "nosql-injection", "prototype-pollution"] as const)
      : NO_CLEAN;
    return { source, path: [], kind: "request", shape, clean };
  }
  return undefined;
}
