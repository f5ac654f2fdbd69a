/**
 * Another file of the review, ready for the taint analysis: parsed with the parser the engine's Linter runs
 * (typescript-eslint, JavaScript, TypeScript and JSX), with its scopes and parent pointers, and cached by a
 * hash of its content, so a file reached from many handlers, or in the next review of the same commit, is
 * parsed once. The code is never run.
 */
import { createHash } from "node:crypto";
import { simpleTraverse } from "@typescript-eslint/typescript-estree";
import type { TSESTree } from "@typescript-eslint/utils";
import { SourceCode, type Linter } from "eslint";
import tseslint from "typescript-eslint";

export interface ProjectModule {
  path: string;
  /** The extension and sha1 of the content: the key of every summary computed in this file. */
  hash: string;
  /** Undefined when the file does not parse (the engine reports that on the file itself). */
  sourceCode?: SourceCode;
}

const parser = tseslint.parser as unknown as {
  parseForESLint(code: string, options?: unknown): Linter.ESLintParseResult;
};
const MAX_CACHED = 256;
const byHash = new Map<string, SourceCode | undefined>();
/** Hashes already computed for a content string of this review (strings are compared by value, cheaply for the same object). */
const hashOfContent = new WeakMap<object, Map<string, string>>();

export function contentHash(content: string): string {
  return createHash("sha1").update(content).digest("hex");
}

function parse(path: string, content: string): SourceCode | undefined {
  try {
    const sourceType = path.endsWith(".cjs") || path.endsWith(".cts") ? "commonjs" : "module";
    const result = parser.parseForESLint(content, {
      filePath: path,
      ecmaVersion: "latest",
      sourceType,
      ecmaFeatures: { jsx: true },
      range: true,
      loc: true,
      tokens: true,
      comment: true,
    });
    simpleTraverse(result.ast as unknown as TSESTree.Program, { enter: () => undefined }, true);
    return new SourceCode({
      text: content,
      ast: result.ast,
      scopeManager: result.scopeManager ?? null,
      visitorKeys: result.visitorKeys ?? null,
      parserServices: result.services ?? {},
    } as never);
  } catch {
    return undefined;
  }
}

/** A file of the review as a module the analysis can read; `owner` (the review's project) scopes the hash memo. */
export function projectModule(owner: object, path: string, content: string): ProjectModule {
  let hashes = hashOfContent.get(owner);
  if (!hashes) hashOfContent.set(owner, (hashes = new Map()));
  let hash = hashes.get(path);
  // The parser reads JSX or TypeScript by the file's extension, so the extension is part of the key.
  if (!hash) hashes.set(path, (hash = `${path.slice(path.lastIndexOf("."))}:${contentHash(content)}`));
  if (!byHash.has(hash)) {
    if (byHash.size >= MAX_CACHED) {
      const oldest = byHash.keys().next().value;
      if (oldest !== undefined) byHash.delete(oldest);
    }
    byHash.set(hash, parse(path, content));
  }
  const sourceCode = byHash.get(hash);
  return { path, hash, ...(sourceCode ? { sourceCode } : {}) };
}
