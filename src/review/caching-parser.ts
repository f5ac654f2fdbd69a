import type { Linter } from "eslint";
import type { TSESTree } from "@typescript-eslint/typescript-estree";
import tseslint from "typescript-eslint";
import { rememberParse } from "../syntax/parse-file.js";

const parser = tseslint.parser as unknown as {
  parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult;
};

/**
 * typescript-eslint's parser, which also hands each tree it builds to the function checks (parseFile), so a
 * file the Linter lints is parsed once for the rules and the checks that read its routes and exports.
 * The Linter itself always parses afresh: nothing it sees comes from the cache.
 */
export const cachingParser: Linter.Parser = {
  meta: { name: "apprentice/typescript-eslint-parser" },
  parseForESLint(code, options) {
    const result = parser.parseForESLint(code, options);
    const filePath = (options as { filePath?: unknown } | undefined)?.filePath;
    if (typeof filePath === "string") rememberParse(filePath, code, result.ast as unknown as TSESTree.Program);
    return result;
  },
};
