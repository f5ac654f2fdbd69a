import { posix } from "node:path";
import { TEST_DIR } from "./is-test-file.js";

const SCRIPT_EXTENSION = /\.[cm]?[jt]sx?$/;
const TEST_SUFFIX = /([._-](test|spec|e2e-spec)|\.(e2e|int|integration))$/;

/** The name a module is known by: `src/tasks/repo.ts` -> "repo", `src/tasks/index.ts` -> "tasks". */
export function moduleStem(path: string): string {
  const stem = posix.basename(path).replace(SCRIPT_EXTENSION, "");
  if (stem !== "index") return stem;
  const parent = posix.basename(posix.dirname(path));
  return parent === "." || parent === "" ? stem : parent;
}

function testStem(testPath: string): string {
  return posix.basename(testPath).replace(SCRIPT_EXTENSION, "").replace(TEST_SUFFIX, "");
}

/**
 * Name matching, for test files whose contents are unknown: `foo.ts` is tested by `foo.test.ts`,
 * `foo.spec.ts`, `__tests__/foo.ts`, or a test under a test folder whose name starts with `foo`
 * (`test/routes/foo-routes.test.ts`).
 */
export function testNameMatches(modulePath: string, testPath: string): boolean {
  const stem = moduleStem(modulePath);
  const candidate = testStem(testPath);
  if (candidate === stem) return true;
  return TEST_DIR.test(testPath) && candidate.startsWith(stem) && /^[-._A-Z]/.test(candidate.slice(stem.length));
}
