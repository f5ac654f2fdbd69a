import picomatch from "picomatch";
import type { CheckContext } from "../check.js";
import { hasRuntimeBehaviour } from "./has-runtime-behaviour.js";
import { isApplicationCode } from "./is-application-code.js";
import { isTestFile } from "./is-test-file.js";
import { moduleSpecifiers } from "./module-specifiers.js";
import { resolveImport } from "./resolve-import.js";
import { testNameMatches } from "./test-name-matches.js";

export interface ModuleTestStatus {
  /** A changed application module that does something (not type-only, not a barrel). */
  path: string;
  /** Tests that import it (directly or through other modules), or that match it by name. */
  testedBy: string[];
}

export interface ModuleTestOptions {
  /** Glob patterns of modules that need no test (entry points, generated code). */
  ignore: readonly string[];
}

/** Every file whose content the check can read: changed files and related (unchanged) files. */
function knownContents(context: CheckContext): Map<string, string> {
  const contents = new Map<string, string>();
  for (const file of context.relatedFiles) contents.set(file.path, file.content);
  for (const file of context.files) if (file.status !== "removed") contents.set(file.path, file.content);
  return contents;
}

/** Modules each test reaches by following imports through the files whose content is known. */
function reachedModules(testPath: string, contents: ReadonlyMap<string, string>, paths: ReadonlySet<string>, importsOf: (path: string) => string[]): Set<string> {
  const reached = new Set<string>();
  const queue = importsOf(testPath);
  while (queue.length > 0) {
    const next = queue.pop() as string;
    if (reached.has(next)) continue;
    reached.add(next);
    if (contents.has(next)) queue.push(...importsOf(next));
  }
  return reached;
}

/**
 * For each changed application module, the tests that exercise it. A test with known content
 * exercises what it imports, and what those modules import in turn; a test whose content is
 * unknown is matched by file name.
 */
export function moduleTestStatus(context: CheckContext, options: ModuleTestOptions): ModuleTestStatus[] {
  const contents = knownContents(context);
  const paths = new Set([...context.repoPaths, ...contents.keys()]);
  const ignored = picomatch([...options.ignore], { dot: true });
  const modules = context.files.filter(
    (file) => file.status !== "removed" && isApplicationCode(file.path) && !ignored(file.path) && hasRuntimeBehaviour(file.content, file.path),
  );
  if (modules.length === 0) return [];

  const importCache = new Map<string, string[]>();
  const importsOf = (path: string): string[] => {
    let resolved = importCache.get(path);
    if (!resolved) {
      const content = contents.get(path) ?? "";
      resolved = moduleSpecifiers(content).flatMap((specifier) => resolveImport(path, specifier, paths) ?? []);
      importCache.set(path, resolved);
    }
    return [...resolved];
  };

  const tests = [...paths].filter(isTestFile).sort();
  const reachedByTest = new Map(tests.filter((test) => contents.has(test)).map((test) => [test, reachedModules(test, contents, paths, importsOf)]));
  return modules.map((module) => ({
    path: module.path,
    testedBy: tests.filter((test) => {
      const reached = reachedByTest.get(test);
      return reached ? reached.has(module.path) : testNameMatches(module.path, test);
    }),
  }));
}
