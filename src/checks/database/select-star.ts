/**
 * select-star: `SELECT *` in an application query. The code then depends on every column the table has
 * today and will have tomorrow (a new `password_hash` column flows straight into responses) and reads more
 * than it needs. Informative: fine in a quick script, worth naming the columns in a service.
 */
import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isSampleData as isSampleDataPath } from "../shared/is-sample-data.js";
import { literalSql } from "./database-calls.js";

const STAR = /^\s*(?:WITH\b[\s\S]*?\)\s*)?SELECT\s+(?:DISTINCT\s+)?\*\s+FROM\b/i;
const NOT_APPLICATION = /(^|\/)(migrations?|scripts?|seeds?|bench|tools?)\//i;

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Application queries name the columns they need." },
    messages: {
      selectStar:
        "Name the columns this query needs (`SELECT id, title, created_at FROM ...`) instead of `SELECT *`. Then a column added later " +
        "(say `password_hash`) does not flow into your responses unseen, the database sends less, and an index that holds the named " +
        "columns can answer on its own. See https://use-the-index-luke.com/blog/2013-08/its-not-about-the-star-stupid",
    },
    schema: [],
  },
  create(context) {
    if (isSampleDataPath(context.filename) || NOT_APPLICATION.test(context.filename)) return {};
    const check = (node: ESTree.Literal | ESTree.TemplateLiteral) => {
      if (node.type === "Literal" && typeof node.value !== "string") return;
      const sql = literalSql(node);
      if (sql && STAR.test(sql)) context.report({ node, messageId: "selectStar" });
    };
    return { Literal: check, TemplateLiteral: check };
  },
};

export const selectStarCheck: EslintCheck = {
  kind: "eslint",
  id: "select-star",
  criterion: "database",
  description: "An application query reads SELECT * instead of naming its columns.",
  defaultLevel: "informative",
  rule,
};
