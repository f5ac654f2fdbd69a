import ts from "typescript";

const MAX_CACHED = 1000;
const cache = new Map<string, { content: string; source: ts.SourceFile }>();

/**
 * A file's TypeScript syntax tree (with parent pointers; JavaScript, TypeScript and JSX by file name),
 * parsed once per content: the tests checks read the same files for imports, routes and requests.
 * Parsing never fails; syntax errors leave gaps in the tree. The code is never run.
 */
export function parseSource(path: string, content: string): ts.SourceFile {
  const hit = cache.get(path);
  if (hit && hit.content === content) return hit.source;
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true);
  if (cache.size >= MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(path, { content, source });
  return source;
}
