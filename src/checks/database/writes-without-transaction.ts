/**
 * writes-without-transaction: a request handler that writes to the database twice or more (SQL `INSERT`/`UPDATE`/
 * `DELETE`, or ORM create/update/delete/save) with no transaction around the writes: pg `BEGIN`/`COMMIT` on a
 * client from `pool.connect()`, Knex `transaction`, Prisma `$transaction`, Sequelize `sequelize.transaction`,
 * TypeORM `manager.transaction` / a `queryRunner`, or a helper whose name says transaction. The writes of the
 * functions of this file the handler calls (a service function taking `req.body`, not `req`) count as the
 * handler's: they run in the same request.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { calledFunctions } from "./called-functions.js";
import { dbAccess, isFunction, isRequestHandler, walk, type FunctionNode } from "./database-calls.js";

/** Text that shows a transaction around the writes. */
export const TRANSACTION =
  /\bBEGIN\b|\bSTART\s+TRANSACTION\b|\.\$?transaction\s*\(|\btransaction\s*\(|withTransaction|startTransaction|queryRunner|\btrx\b|\btx\.\w|\bsavepoint\b|\.tx\s*\(|\.task\s*\(/i;

/** The database writes a handler makes, in source order (nested callbacks included). */
export function writesIn(fn: FunctionNode): ESTree.Node[] {
  const writes: ESTree.Node[] = [];
  walk(fn.body, (node) => {
    if (dbAccess(node)?.kind === "write") writes.push(node);
  });
  return writes.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Several writes in one request run in one transaction." },
    messages: {
      noTransaction:
        "This handler writes {{count}} times with no transaction around the writes: wrap them in one (pg: take a client with " +
        "`pool.connect()`, `BEGIN`, the writes, `COMMIT`, `ROLLBACK` in `catch`, `release()` in `finally`; Knex `db.transaction(async (trx) => ...)`, " +
        "Prisma `$transaction`, Sequelize `sequelize.transaction`). If the second write fails, the first stays: the data is left half-written. " +
        "See https://www.postgresql.org/docs/current/tutorial-transactions.html",
    },
    schema: [],
  },
  create(context) {
    if (isTestPath(context.filename)) return {};
    const reported = new Set<ESTree.Node>();
    const visit = (fn: FunctionNode) => {
      if (!isRequestHandler(fn)) return;
      const parts = [fn, ...calledFunctions(context, fn)];
      if (parts.some((part) => TRANSACTION.test(context.sourceCode.getText(part)))) return;
      const writes = parts.flatMap((part) => writesIn(part));
      if (writes.length < 2 || reported.has(writes[1] as ESTree.Node)) return;
      reported.add(writes[1] as ESTree.Node);
      context.report({
        node: writes[1] as ESTree.Node,
        messageId: "noTransaction",
        data: { count: String(writes.length) },
      });
    };
    return {
      ArrowFunctionExpression: visit,
      FunctionExpression: (node: ESTree.FunctionExpression) => {
        if (isFunction(node)) visit(node);
      },
      FunctionDeclaration: visit,
    };
  },
};

export const writesWithoutTransactionCheck: EslintCheck = {
  kind: "eslint",
  id: "writes-without-transaction",
  criterion: "database",
  description:
    "A request handler, with the service functions of its file it calls, writes to the database several times with no transaction around the writes.",
  defaultLevel: "actionable",
  rule,
};
