/**
 * What the database rules need to read from ESTree: the SQL text a call sends, whether a call reads or writes
 * through a database client or an ORM model, request handlers, and the loop a node runs in. Written here
 * rather than taken from a library: no ESLint plugin we know reads these shapes across pg, Knex, Prisma,
 * Sequelize and TypeORM at once, and the rules must share the engine's one parse.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { keyName } from "../shared/ast/names.js";
import { staticString } from "../shared/ast/static-values.js";

type Node = ESTree.Node & { parent?: Node };
export type FunctionNode = ESTree.FunctionExpression | ESTree.ArrowFunctionExpression | ESTree.FunctionDeclaration;

/** Methods that send SQL text (pg, mysql2, better-sqlite3, pg-promise, Knex `raw`, Prisma raw queries). */
const SQL_METHODS = new Set([
  "query",
  "execute",
  "one",
  "oneOrNone",
  "many",
  "manyOrNone",
  "any",
  "none",
  "result",
  "raw",
  "all",
  "get",
  "run",
  "prepare",
  "$queryRaw",
  "$executeRaw",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
]);
const ORM_READS = new Set([
  "findOne",
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findByPk",
  "findById",
  "findMany",
  "findAll",
  "findOneBy",
  "findBy",
  "findAndCountAll",
  "count",
  "first",
  "select",
]);
const ORM_WRITES = new Set([
  "create",
  "createMany",
  "bulkCreate",
  "insert",
  "insertMany",
  "update",
  "updateMany",
  "upsert",
  "delete",
  "deleteMany",
  "destroy",
  "save",
  "increment",
  "decrement",
  "del",
  "updateOne",
  "deleteOne",
  "insertOne",
  "findByIdAndUpdate",
  "findOneAndUpdate",
  "findByIdAndDelete",
]);
/** Receivers that are a database client, an ORM, a repository or a model. */
const DB_RECEIVER =
  /^(db|pool|client|conn|connection|knex|prisma|tx|trx|transaction|sql|pg|database|manager|em|entityManager|queryRunner|repo|\w*Repository|\w*Repo|models?|sequelize|t)$/i;
const SQL_START = /^\s*(\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(SELECT|INSERT|UPDATE|DELETE|WITH|MERGE)\b/i;
const HANDLER_PARAMS = /^(req|request|ctx)$/;
const ROUTE_METHODS = new Set(["get", "post", "put", "patch", "delete", "del", "all", "options", "head"]);

/** The SQL a string or template literal holds, with `${...}` written as `$?`; undefined for anything else. */
export function literalSql(node: ESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  const text =
    node.type === "TemplateLiteral"
      ? node.quasis.map((quasi) => quasi.value.cooked ?? "").join("$?")
      : staticString(node);
  return text !== undefined && SQL_START.test(text) ? text : undefined;
}

/** The SQL text a call sends, when its first argument is a SQL literal (or `sql\`...\`` / Prisma's tagged raw). */
export function callSql(node: ESTree.Node): string | undefined {
  if (node.type === "TaggedTemplateExpression") return literalSql(node.quasi);
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return undefined;
  const name = keyName(node.callee.property, node.callee.computed) ?? "";
  return SQL_METHODS.has(name) ? literalSql(node.arguments[0]) : undefined;
}

/** The last name of a receiver chain: `this.prisma.user` -> `user`, `db` -> `db`. */
function names(node: ESTree.Node): string[] {
  const out: string[] = [];
  let current: ESTree.Node = node;
  for (;;) {
    if (current.type === "MemberExpression") {
      const name = keyName(current.property, current.computed);
      if (name) out.push(name);
      current = current.object;
    } else if (current.type === "CallExpression") current = current.callee;
    else if (current.type === "AwaitExpression") current = current.argument;
    else break;
  }
  if (current.type === "Identifier") out.push(current.name);
  return out;
}

/** True when the receiver is a database client, an ORM entry point, a repository or a (capitalised) model. */
function isDbReceiver(receiver: ESTree.Node): boolean {
  if (receiver.type === "Identifier")
    return (
      DB_RECEIVER.test(receiver.name) ||
      (/^[A-Z][a-z]\w*$/.test(receiver.name) &&
        !/^(Object|Array|Map|Set|Promise|Math|JSON|Reflect|Date|Number|String|URL|Buffer)$/.test(receiver.name))
    );
  const chain = names(receiver);
  return chain.some((name) => DB_RECEIVER.test(name) || name === "prisma" || name === "models");
}

export type DbAccess = {
  kind: "read" | "write";
  sql?: string;
  call: ESTree.CallExpression | ESTree.TaggedTemplateExpression;
};

/** What a call does to the database: a read or a write, through SQL text or an ORM method; undefined otherwise. */
export function dbAccess(node: ESTree.Node): DbAccess | undefined {
  if (node.type !== "CallExpression" && node.type !== "TaggedTemplateExpression") return undefined;
  const sql = callSql(node);
  if (sql)
    return {
      kind: /^\s*(SELECT|WITH\b(?![\s\S]*\b(INSERT|UPDATE|DELETE)\b))/i.test(
        sql.replace(/^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*/g, ""),
      )
        ? "read"
        : "write",
      sql,
      call: node,
    };
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return undefined;
  const name = keyName(node.callee.property, node.callee.computed) ?? "";
  if (!ORM_READS.has(name) && !ORM_WRITES.has(name)) return undefined;
  if (!isDbReceiver(node.callee.object)) return undefined;
  // `Task.findAll()` is a model; `Object.create`, `items.delete(key)` are not.
  if (name === "select" || name === "first" || name === "get")
    if (!names(node.callee.object).some((part) => /knex|db|trx/i.test(part))) return undefined;
  return { kind: ORM_WRITES.has(name) ? "write" : "read", call: node };
}

export function isFunction(node: ESTree.Node | undefined | null): node is FunctionNode {
  return (
    node?.type === "ArrowFunctionExpression" ||
    node?.type === "FunctionExpression" ||
    node?.type === "FunctionDeclaration"
  );
}

function paramName(param: ESTree.Pattern | undefined): string | undefined {
  if (param?.type === "Identifier") return param.name;
  if (param?.type === "AssignmentPattern" && param.left.type === "Identifier") return param.left.name;
  return undefined;
}

/**
 * True for a function that answers a request: a callback given to `app.get("/path", ...)`-style routes, or a
 * function whose first parameter is `req`/`request`/`ctx` and that has a second (`res`, `reply`, `next`).
 */
export function isRequestHandler(fn: FunctionNode): boolean {
  const first = paramName(fn.params[0]);
  if (first && HANDLER_PARAMS.test(first) && (fn.params.length >= 2 || first === "ctx")) return true;
  const parent = (fn as Node).parent;
  if (parent?.type !== "CallExpression" || parent.callee.type !== "MemberExpression") return false;
  const method = keyName(parent.callee.property, parent.callee.computed) ?? "";
  return (
    ROUTE_METHODS.has(method) &&
    parent.arguments.length >= 2 &&
    staticString(parent.arguments[0])?.startsWith("/") === true
  );
}

/** The innermost function around a node. */
export function enclosingFunctionOf(node: ESTree.Node): FunctionNode | undefined {
  for (let current = (node as Node).parent; current; current = current.parent) if (isFunction(current)) return current;
  return undefined;
}

/** The request handler a node runs in (the nearest enclosing function that is one), if any. */
export function enclosingHandler(node: ESTree.Node): FunctionNode | undefined {
  for (let current = (node as Node).parent; current; current = current.parent)
    if (isFunction(current) && isRequestHandler(current)) return current;
  return undefined;
}

/** Every node under `root` (children before siblings), not entering nested functions when `stopAtFunctions`. */
export function walk(root: ESTree.Node, visit: (node: ESTree.Node) => void, stopAtFunctions = false): void {
  const stack: ESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ESTree.Node;
    visit(node);
    for (const key of Object.keys(node)) {
      if (key === "parent") continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      const children = Array.isArray(value) ? value : [value];
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i] as ESTree.Node | null;
        if (!child || typeof child !== "object" || typeof child.type !== "string") continue;
        if (stopAtFunctions && child !== root && isFunction(child)) continue;
        stack.push(child);
      }
    }
  }
}

/** Identifier names bound by a pattern (`row`, `{ id, name }`, `[a, b]`). */
export function boundNames(pattern: ESTree.Node | null | undefined, out: Set<string> = new Set()): Set<string> {
  if (!pattern) return out;
  if (pattern.type === "Identifier") out.add(pattern.name);
  else if (pattern.type === "VariableDeclaration")
    for (const declaration of pattern.declarations) boundNames(declaration.id, out);
  else if (pattern.type === "ObjectPattern")
    for (const property of pattern.properties)
      boundNames(property.type === "RestElement" ? property.argument : property.value, out);
  else if (pattern.type === "ArrayPattern") for (const element of pattern.elements) boundNames(element, out);
  else if (pattern.type === "AssignmentPattern") boundNames(pattern.left, out);
  else if (pattern.type === "RestElement") boundNames(pattern.argument, out);
  return out;
}

/** True when any identifier under `node` reads one of `names`. */
export function mentions(node: ESTree.Node, wanted: ReadonlySet<string>): boolean {
  let found = false;
  walk(node, (child) => {
    if (!found && child.type === "Identifier" && wanted.has(child.name)) found = true;
  });
  return found;
}

/** Source text for a rule context (for quick textual tests on a handler). */
export function textOf(context: Rule.RuleContext, node: ESTree.Node): string {
  return context.sourceCode.getText(node);
}
