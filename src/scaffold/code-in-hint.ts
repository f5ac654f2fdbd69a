/** Upper-case SQL words that turn a quoted span into a statement or a clause, not a name. */
const SQL_WORDS =
  /\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|SET|VALUES|RETURNING|CREATE|ALTER|DROP|INDEX|TABLE|JOIN|ON|ILIKE|LIKE|ASC|DESC|CONCURRENTLY|GROUP BY|ORDER BY)\b/;

/** Marks of code in a quoted span: an assignment or comparison, an arrow, braces, a statement end, a call with arguments. */
const CODE_MARKS = /=|=>|[{};]|\w\(\s*[^)\s]/;

/** SQL words with something else: `UPDATE tasks SET ...` is a statement, `ALTER TABLE` only names a command. */
function isSqlClause(span: string): boolean {
  const words = span.trim().split(/\s+/);
  return words.length > 1 && SQL_WORDS.test(span) && words.some((word) => !/^[A-Z]+$/.test(word));
}

/**
 * The first piece of code in an exercise's tip or hint, or undefined when there is none. A hint may quote
 * names in backticks (a file, a function, a column, a package, a command to run) but not the solution: no
 * fenced code block, no quoted SQL statement or clause (`UPDATE t SET ...`, `ON t (a, b DESC)`; naming a command such as `ALTER TABLE` is fine), no
 * quoted expression or call with arguments (`failed = failed + 1`, `randomBytes(32)`).
 */
export function codeInHint(text: string): string | undefined {
  const fence = /^\s*(```|~~~)/m.exec(text);
  if (fence) return "a fenced code block";
  for (const [, span = ""] of text.matchAll(/`([^`\n]+)`/g)) {
    if (isSqlClause(span) || CODE_MARKS.test(span)) return `\`${span}\``;
  }
  return undefined;
}
