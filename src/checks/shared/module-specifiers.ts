import ts from "typescript";

/**
 * Every module a file imports, re-exports or requires (static `import`, `export ... from`,
 * `import()`, `require()`), as written. Reads the text only: the code is never run.
 *
 * Why the TypeScript compiler API here, beside the checks' typescript-eslint trees: `ts.preProcessFile` is a
 * scanner, not a parser. The import walk reads every file whose content is known (unchanged tests and their
 * helpers too, which the Linter never parses), and scanning tokens for imports costs a fraction of a parse,
 * tolerates syntax errors, and finds `require()` and `import()` wherever they stand.
 */
export function moduleSpecifiers(content: string): string[] {
  const info = ts.preProcessFile(content, true, true);
  return info.importedFiles.map((file) => file.fileName);
}
