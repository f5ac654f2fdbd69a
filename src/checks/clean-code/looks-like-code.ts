import ts from "typescript";

/** Lines that are tool directives or notes, not code: eslint, TypeScript, coverage, region markers, TODOs, JSDoc-style tags. */
const DIRECTIVE =
  /^\s*(eslint\b|eslint-|global\b|globals\b|exported\b|jshint|tslint|biome-ignore|prettier-ignore|istanbul\b|c8\b|v8\b|@ts-|#region|#endregion|noinspection|webpackChunkName|TODO\b|FIXME\b|NOTE\b|HACK\b|XXX\b|@|\/\s*<reference)/i;
const URL_ONLY = /^\s*(see:?\s*)?https?:\/\/\S+\s*$/i;
/** Markdown-style list items are prose: `- user (required)`. */
const BULLET = /^\s*([-+*]|\d+[.)])\s+[A-Za-z]/;
const CODE_PUNCTUATION = /[;{}()=[\]]|=>/;
/** In a comment that mixes prose and code, a line counts as code only with stronger signs than parentheses. */
const STRONG_CODE = /[;{}=]|^\s*(const|let|var|return|import|export|if|for|while|await|function|class|throw)\b/;

function isTrivial(statement: ts.Statement): boolean {
  if (ts.isEmptyStatement(statement) || ts.isLabeledStatement(statement)) return true;
  if (!ts.isExpressionStatement(statement)) return false;
  const expression = statement.expression;
  return (
    ts.isIdentifier(expression) ||
    ts.isStringLiteral(expression) ||
    ts.isNumericLiteral(expression) ||
    ts.isParenthesizedExpression(expression) ||
    (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.CommaToken)
  );
}

/**
 * True when the text parses as TypeScript into more than bare words. Uses TypeScript's parser, which
 * records syntax errors in `parseDiagnostics` instead of throwing; typescript-estree (the parser the
 * engine lints with) reads the same field. Cheap: no type checking, no scope analysis.
 */
function parses(text: string): boolean {
  const source = ts.createSourceFile("comment.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics?: readonly unknown[] }).parseDiagnostics;
  if (!Array.isArray(diagnostics) || diagnostics.length > 0) return false;
  return source.statements.length > 0 && !source.statements.every(isTrivial);
}

/** The lines of a comment that could be code: not directives, not bare URLs, not list items, not blank. */
export function codeCandidateLines(lines: readonly string[]): string[] {
  return lines
    .map((line) => line.replace(/^\s*\*?\s?/, ""))
    .filter((line) => line.trim() !== "" && !DIRECTIVE.test(line) && !URL_ONLY.test(line) && !BULLET.test(line));
}

/**
 * True when comment text is code rather than prose: it has code punctuation and parses as
 * JavaScript or TypeScript into more than bare words, as a whole or line by line.
 */
export function looksLikeCode(lines: readonly string[]): boolean {
  const candidates = codeCandidateLines(lines);
  if (candidates.length === 0) return false;
  const text = candidates.join("\n");
  if (!CODE_PUNCTUATION.test(text)) return false;
  if (parses(text)) return true;
  return candidates.length > 1 && candidates.some((line) => STRONG_CODE.test(line) && parses(line));
}
