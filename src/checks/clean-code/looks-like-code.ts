import type * as ESTree from "estree";
import tseslint from "typescript-eslint";

/** Lines that are tool directives or notes, not code: eslint, TypeScript, coverage, region markers, TODOs. */
const DIRECTIVE = /^\s*(eslint\b|eslint-|global\b|globals\b|exported\b|jshint|tslint|biome-ignore|prettier-ignore|istanbul\b|c8\b|v8\b|@ts-|#region|#endregion|noinspection|webpackChunkName|TODO\b|FIXME\b|NOTE\b|HACK\b|XXX\b|@)/i;
const URL_ONLY = /^\s*(see:?\s*)?https?:\/\/\S+\s*$/i;
const CODE_PUNCTUATION = /[;{}()=[\]]|=>/;

function isTrivial(statement: ESTree.Program["body"][number]): boolean {
  if (statement.type === "EmptyStatement" || statement.type === "LabeledStatement") return true;
  if (statement.type !== "ExpressionStatement") return false;
  const kind = statement.expression.type;
  return kind === "Identifier" || kind === "Literal" || kind === "TemplateLiteral" || kind === "SequenceExpression";
}

/** typescript-eslint's parser, typed loosely by its package for config compatibility. */
const parser = tseslint.parser as unknown as { parseForESLint(code: string, options: Record<string, unknown>): { ast: unknown } };

function parses(text: string): boolean {
  try {
    const { ast } = parser.parseForESLint(text, { sourceType: "module", ecmaVersion: "latest", range: false, loc: false, comment: false, tokens: false });
    const body = (ast as unknown as ESTree.Program).body;
    return body.length > 0 && !body.every(isTrivial);
  } catch {
    return false;
  }
}

/** The lines of a comment that could be code: not directives, not bare URLs, not blank. */
export function codeCandidateLines(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/^\s*\*?\s?/, "")).filter((line) => line.trim() !== "" && !DIRECTIVE.test(line) && !URL_ONLY.test(line));
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
  return candidates.length > 1 && candidates.some((line) => CODE_PUNCTUATION.test(line) && parses(line));
}
