import { parse, simpleTraverse, type TSESTree } from "@typescript-eslint/typescript-estree";

const MAX_CACHED = 512;
const cache = new Map<string, { content: string; ast: TSESTree.Program | undefined }>();

function remember(path: string, content: string, ast: TSESTree.Program | undefined): void {
  if (cache.size >= MAX_CACHED && !cache.has(path)) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(path, { content, ast });
}

/**
 * Keeps the tree the Linter parsed for a file, so the function checks that read the same file (routes,
 * exports, requests) reuse it instead of parsing it a second time. Called by the engine's parser wrapper
 * (src/review/caching-parser.ts) with what ESLint parsed; ESLint sets the parent pointers as it traverses.
 */
export function rememberParse(path: string, content: string, ast: TSESTree.Program): void {
  remember(path, content, ast);
}

/**
 * A file's syntax tree in the one vocabulary of the checks (ESTree through typescript-eslint, the parser
 * the Linter runs; JavaScript, TypeScript and JSX by file name), with parent pointers. The Linter's own
 * parse when it linted this content, else parsed here once per content. Undefined when the file does not
 * parse: the engine reports that as a finding of its own. The code is never run.
 */
export function parseFile(path: string, content: string): TSESTree.Program | undefined {
  const hit = cache.get(path);
  if (hit && hit.content === content) return hit.ast;
  let ast: TSESTree.Program | undefined;
  try {
    ast = parse(content, { filePath: path, jsx: true, range: true, loc: true, comment: false, tokens: false });
    simpleTraverse(ast, { enter: () => undefined }, true);
  } catch {
    ast = undefined;
  }
  remember(path, content, ast);
  return ast;
}

/** 1-based line of a node. */
export function lineOf(node: TSESTree.Node): number {
  return node.loc.start.line;
}
