import ts from "typescript";

/**
 * Every module a file imports, re-exports or requires (static `import`, `export ... from`,
 * `import()`, `require()`), as written. Reads the text only: the code is never run.
 */
export function moduleSpecifiers(content: string): string[] {
  const info = ts.preProcessFile(content, true, true);
  return info.importedFiles.map((file) => file.fileName);
}
