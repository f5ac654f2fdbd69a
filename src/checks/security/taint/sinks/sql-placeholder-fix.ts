/**
 * The mechanical fix for a SQL template literal passed straight to a query call: every `${x}` becomes
 * a placeholder (`$1` for pg and Prisma, `?` for mysql, sqlite and knex) and the values move into a
 * parameters array. Quotes around a placeholder go away; `LIKE '%${x}%'` and the like are left alone.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import { isFunction } from "../../../shared/ast/functions.js";
import { calleeName, receiverOf } from "../../../shared/ast/names.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import type { SinkFix } from "./sink-hit.js";

const FIXABLE = new Set([
  "query",
  "execute",
  "run",
  "all",
  "get",
  "raw",
  "whereRaw",
  "orWhereRaw",
  "havingRaw",
  "orderByRaw",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
]);
const QUESTION_MARK_APIS = new Set([
  "execute",
  "run",
  "all",
  "get",
  "raw",
  "whereRaw",
  "orWhereRaw",
  "havingRaw",
  "orderByRaw",
]);
const QUESTION_MARK_MODULES = /(['"])(mysql2?(\/promise)?|sqlite3?|sqlite|better-sqlite3|knex)\1/;

export function sqlPlaceholderFix(call: TSESTree.CallExpression, analyzer: TaintAnalyzer): SinkFix | undefined {
  const name = calleeName(call) ?? "";
  const [first, second, ...rest] = call.arguments;
  if (!FIXABLE.has(name) || first?.type !== "TemplateLiteral" || first.expressions.length === 0 || rest.length > 0)
    return undefined;
  if (second && !isFunction(second)) return undefined;
  const receiver = receiverOf(call);
  if (receiver && /sequelize/i.test(analyzer.text(receiver))) return undefined;
  const prisma = name.startsWith("$");
  const question = !prisma && (QUESTION_MARK_APIS.has(name) || QUESTION_MARK_MODULES.test(analyzer.sourceCode.text));
  let sql = "";
  const quasis = first.quasis.map((quasi) => quasi.value.raw);
  let stripLeadingQuote = false;
  for (let index = 0; index < quasis.length; index++) {
    let text = quasis[index] ?? "";
    if (stripLeadingQuote) text = text.slice(1);
    stripLeadingQuote = false;
    const next = quasis[index + 1];
    if (next !== undefined) {
      const quoted = text.endsWith("'") && next.startsWith("'");
      if (quoted) {
        text = text.slice(0, -1);
        stripLeadingQuote = true;
      } else if (/['"%]$/.test(text) || /^['"%]/.test(next)) return undefined;
      sql += text + (question ? "?" : `$${index + 1}`);
    } else {
      sql += text;
    }
  }
  const params = first.expressions.map((expression) => analyzer.text(expression));
  const text = prisma ? `\`${sql}\`, ${params.join(", ")}` : `\`${sql}\`, [${params.join(", ")}]`;
  return {
    range: [first.range[0], first.range[1]],
    text,
    description: `Use ${question ? "?" : "$1"} placeholders and pass the values separately`,
  };
}
