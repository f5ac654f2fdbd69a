/**
 * n-plus-one: a query inside a loop (`for`, `for...of`, `while`, or a `map`/`forEach`/`flatMap`/`reduce` callback,
 * including `Promise.all(rows.map(...))`) whose arguments depend on the loop variable: one round trip per row
 * where one query for all rows would do. Loops over files or statements, and migration and seed scripts, are left alone.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { keyName } from "../shared/ast/names.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { boundNames, dbAccess, isFunction, mentions } from "./database-calls.js";

type Node = ESTree.Node & { parent?: Node };
const ITERATING = new Set(["map", "forEach", "flatMap", "reduce", "filter", "some", "every"]);
const NOT_ROWS = /files|migrations?|statements|queries|scripts|sqls?|tables|paths|dirs|lines/i;

interface Loop {
  node: ESTree.Node;
  names: Set<string>;
}

function iteratedName(node: ESTree.Node): string {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression") return keyName(node.property, node.computed) ?? "";
  if (node.type === "CallExpression") return iteratedName(node.callee);
  return "";
}

/** The loop a node runs in (crossing no function except a `rows.map(...)`-style callback), and its variables. */
function enclosingLoop(node: ESTree.Node): Loop | undefined {
  let child: Node = node as Node;
  for (let current = child.parent; current; child = current, current = current.parent) {
    if ((current.type === "ForOfStatement" || current.type === "ForInStatement") && child === current.body) {
      if (NOT_ROWS.test(iteratedName(current.right))) return undefined;
      return { node: current, names: boundNames(current.left) };
    }
    if (current.type === "ForStatement" && child === current.body) {
      const names = boundNames(current.init?.type === "VariableDeclaration" ? current.init : undefined);
      return { node: current, names };
    }
    if ((current.type === "WhileStatement" || current.type === "DoWhileStatement") && child === current.body)
      return undefined;
    if (isFunction(current)) {
      const call = current.parent;
      if (call?.type !== "CallExpression" || call.callee.type !== "MemberExpression" || call.arguments[0] !== current)
        return undefined;
      const method = keyName(call.callee.property, call.callee.computed) ?? "";
      if (!ITERATING.has(method) || NOT_ROWS.test(iteratedName(call.callee.object))) return undefined;
      const names = new Set<string>();
      for (const param of method === "reduce" ? current.params.slice(1) : current.params) boundNames(param, names);
      return { node: current, names };
    }
  }
  return undefined;
}

function batchedAlternative(access: NonNullable<ReturnType<typeof dbAccess>>): string {
  if (access.kind === "write")
    return "write all rows in one statement (a multi-row `INSERT ... VALUES (...), (...)`, `INSERT ... SELECT * FROM unnest($1::int[], $2::text[])`, Prisma `createMany`, Sequelize `bulkCreate`, Knex `insert([...])`)";
  return "read them all in one query (`WHERE id = ANY($1)` with an array of ids, or a `JOIN`; Prisma/Sequelize `include`, Knex `whereIn`, TypeORM `In([...])`) and match the rows up in memory";
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "No query per row inside a loop: one batched query instead." },
    messages: {
      queryInLoop:
        "This query runs once per item of the loop: {{batched}}. With N rows that is N+1 round trips to the database, each " +
        "waiting for the last, so the request gets slower as the data grows. See https://planetscale.com/blog/what-is-n-1-query-problem-and-how-to-solve-it",
    },
    schema: [],
  },
  create(context) {
    // Migrations and seeds run once, not per request: a statement per file or per sample row is fine there.
    if (isTestPath(context.filename) || /migrat|seed/i.test(context.filename)) return {};
    const reported = new Set<ESTree.Node>();
    const check = (node: ESTree.Node) => {
      const access = dbAccess(node);
      if (!access) return;
      const loop = enclosingLoop(node);
      if (!loop || loop.names.size === 0 || reported.has(loop.node)) return;
      const args =
        node.type === "CallExpression"
          ? node.arguments
          : node.type === "TaggedTemplateExpression"
            ? node.quasi.expressions
            : [];
      if (!args.some((arg) => mentions(arg, loop.names))) return;
      reported.add(loop.node);
      context.report({ node, messageId: "queryInLoop", data: { batched: batchedAlternative(access) } });
    };
    return { CallExpression: check, TaggedTemplateExpression: check };
  },
};

export const nPlusOneCheck: EslintCheck = {
  kind: "eslint",
  id: "n-plus-one",
  criterion: "database",
  description: "A query runs once per row inside a loop (N+1 queries) where one batched query would do.",
  defaultLevel: "actionable",
  rule,
};
