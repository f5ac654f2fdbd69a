/**
 * database-praise: what a file does well with its database. Every SQL query in the file parameterised (three or
 * more queries with placeholders and no `${...}` in the SQL), and a transaction around a multi-step write in a
 * request handler.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestSupport as isTestPath } from "../shared/is-test-file.js";
import { callSql, isFunction, isRequestHandler, type FunctionNode } from "./database-calls.js";
import { TRANSACTION, writesIn } from "./writes-without-transaction.js";

const PLACEHOLDER = /\$\d+|\?|:\w+/;

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Praise for parameterised queries and transactions." },
    messages: {
      parameterised:
        "Every query in this file passes its values as parameters ({{count}} queries, no values pasted into the SQL). The driver " +
        "sends them apart from the SQL text, so no input can change what a query does. Keep it up. See https://node-postgres.com/features/queries",
      transaction:
        "Good: these {{count}} writes run in one transaction, so a failure halfway leaves no half-written data. " +
        "See https://www.postgresql.org/docs/current/tutorial-transactions.html",
    },
    schema: [],
  },
  create(context) {
    if (isTestPath(context.filename)) return {};
    const queries: ESTree.CallExpression[] = [];
    let interpolated = false;
    const visit = (fn: FunctionNode) => {
      if (!isFunction(fn) || !isRequestHandler(fn)) return;
      const writes = writesIn(fn);
      if (writes.length >= 2 && TRANSACTION.test(context.sourceCode.getText(fn))) {
        context.report({
          node: writes[0] as ESTree.Node,
          messageId: "transaction",
          data: { count: String(writes.length) },
        });
      }
    };
    return {
      CallExpression(node) {
        const sql = callSql(node);
        if (!sql) return;
        queries.push(node);
        if (sql.includes("$?")) interpolated = true;
        else if (!PLACEHOLDER.test(sql)) queries.pop();
      },
      ArrowFunctionExpression: visit,
      FunctionExpression: visit,
      FunctionDeclaration: visit,
      "Program:exit"() {
        if (!interpolated && queries.length >= 3)
          context.report({
            node: queries[0] as ESTree.Node,
            messageId: "parameterised",
            data: { count: String(queries.length) },
          });
      },
    };
  },
};

export const databasePraiseCheck: EslintCheck = {
  kind: "eslint",
  id: "database-praise",
  criterion: "database",
  description: "Praise: parameterised queries throughout a file, a transaction around a multi-step write.",
  defaultLevel: "celebratory",
  rule,
};
