/**
 * pool-per-request: a connection pool or client created inside a request handler (`new Pool()`, `new Client()`,
 * `new PrismaClient()`, `new Sequelize()`, `knex({...})`, mysql2 `createPool`/`createConnection`). Each request
 * then opens new connections (slow, and the server's connection limit is reached under load). A function of
 * the same file that a handler calls counts as the handler (`getDb()` making `new Pool()` each time), unless it
 * keeps what it made in a variable outside itself (`pool ??= new Pool()`, `if (!pool) pool = new Pool()`): that
 * is a pool made once, on the first request.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { keyName } from "../shared/ast/names.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import type { Node } from "../shared/ast/node.js";
import { findVariable } from "../shared/ast/scope.js";
import { runsInRequest } from "./called-functions.js";
import { enclosingFunctionOf } from "./database-calls.js";

const CONSTRUCTORS = new Set(["Pool", "Client", "PrismaClient", "Sequelize", "DataSource", "MongoClient"]);
const FACTORIES = new Set(["createPool", "createConnection", "knex", "postgres", "createClient"]);

function calleeName(callee: ESTree.Node): string | undefined {
  if (callee.type === "Identifier") return callee.name;
  if (callee.type === "MemberExpression") return keyName(callee.property, callee.computed);
  return undefined;
}

/** True for `pool = new Pool()` / `pool ??= new Pool()` into a variable declared outside the function: made once, then reused. */
function isKeptOutside(context: Rule.RuleContext, node: ESTree.Node): boolean {
  let current = (node as Node).parent;
  while (current && (current.type === "AwaitExpression" || current.type === ("TSAsExpression" as string)))
    current = current.parent;
  if (current?.type !== "AssignmentExpression" || current.left.type !== "Identifier") return false;
  const variable = findVariable(context.sourceCode.getScope(current as Rule.Node), current.left.name);
  const declared = variable?.defs[0]?.node as ESTree.Node | undefined;
  const fn = enclosingFunctionOf(node);
  if (!declared || !fn) return false;
  for (let ancestor: Node | undefined = declared as Node; ancestor; ancestor = ancestor.parent)
    if (ancestor === (fn as Node)) return false;
  return true;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "One pool for the process, not one per request." },
    messages: {
      perRequest:
        "Create `{{name}}` once, when the module loads (for example in `src/db.ts`), and use it from every handler. Made inside the " +
        "handler, each request opens fresh connections (a TCP and TLS handshake and an authentication each time) and never reuses them, " +
        "so the database hits its connection limit under load. See https://node-postgres.com/features/pooling",
    },
    schema: [],
  },
  create(context) {
    if (isTestPath(context.filename)) return {};
    const check = (node: ESTree.NewExpression | ESTree.CallExpression, names: ReadonlySet<string>) => {
      const name = calleeName(node.callee);
      if (!name || !names.has(name) || !runsInRequest(context, node) || isKeptOutside(context, node)) return;
      if (name === "createClient" && !/redis|pg|postgres|mysql/i.test(context.sourceCode.text.slice(0, 4000))) return;
      context.report({
        node,
        messageId: "perRequest",
        data: { name: node.type === "NewExpression" ? `new ${name}()` : `${name}()` },
      });
    };
    return {
      NewExpression: (node) => check(node, CONSTRUCTORS),
      CallExpression: (node) => check(node, FACTORIES),
    };
  },
};

export const poolPerRequestCheck: EslintCheck = {
  kind: "eslint",
  id: "pool-per-request",
  criterion: "database",
  description:
    "A database pool or client is created inside a request handler (or a function of its file it calls), once per request.",
  defaultLevel: "actionable",
  rule,
};
