/**
 * What counts as test code, decided once for every check and the local collector:
 * - a **test file** is a JavaScript or TypeScript file a test runner runs: `*.test.ts`, `*.spec.js`, `*-test.js`,
 *   a file named `test.js`, `tests.js` or `spec.js` (one per example folder, as in Koa's examples),
 *   `*.e2e-spec.ts`, `*.e2e.ts`, `*.int.ts`, or any script under `__tests__/`, `test/`, `tests/`, `spec/`, `specs/`,
 *   `e2e/`, `__e2e__/`, `cypress/`, `playwright/`, or a folder named like `e2e-tests/`, `integration-tests/`, `test-e2e/`. Its tests are read (assertions, `.only`, `.skip`) and it counts as testing what it imports.
 * - **test support** (`isTestSupport`) is every test file plus anything that only tests use, in any language:
 *   files under `fixtures/`, `mocks/`, `__mocks__/` (and the folders above). Fixtures and mocks are not test files:
 *   they hold no tests, and a mock that imports a module does not test it. But their passwords, keys and weak
 *   hashes are made up for tests, so the security checks leave them alone.
 * Folder names are matched case-insensitively (`Tests/`, `__Mocks__/`), file suffixes too (`Foo.Test.ts`).
 */
const SCRIPT = /\.[cm]?[jt]sx?$/i;
const TEST_NAME = /(([._-]|^|\/)(test|tests|spec|e2e-spec)|\.(e2e|int|integration))\.[cm]?[jt]sx?$/i;
/** A folder that holds tests: `__tests__/`, `test/`, `tests/`, `spec/`, `specs/`, `e2e/`, and the names above. */
export const TEST_DIR =
  /(^|\/)(__tests__|tests?|specs?|e2e|__e2e__|cypress|playwright|(e2e|integration|acceptance|api|functional)[-_]tests?|tests?[-_](e2e|integration|acceptance|api|functional))\//i;
const SUPPORT_DIR = /(^|\/)(__mocks__|mocks?|fixtures?)\//i;

/**
 * Remembered answers: checks ask about the same few hundred paths once per file they look at, and the folder
 * pattern is long, so a 300-file review spent about 6% of its time here before. Bounded, so a long-running
 * worker does not grow without limit.
 */
const MAX_REMEMBERED = 20_000;
const testFileAnswers = new Map<string, boolean>();

/** True for a JavaScript or TypeScript test file (see the definition above). */
export function isTestFile(path: string): boolean {
  let answer = testFileAnswers.get(path);
  if (answer === undefined) {
    answer = SCRIPT.test(path) && (TEST_NAME.test(path) || TEST_DIR.test(path));
    if (testFileAnswers.size >= MAX_REMEMBERED) testFileAnswers.clear();
    testFileAnswers.set(path, answer);
  }
  return answer;
}

/** True for a test file, or any file under a test, fixtures or mocks folder: code and data only tests use. */
export function isTestSupport(path: string): boolean {
  return TEST_NAME.test(path) || TEST_DIR.test(path) || SUPPORT_DIR.test(path);
}
