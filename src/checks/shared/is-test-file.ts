const TEST_NAME = /\.(test|spec|e2e|e2e-spec|int|integration)\.[cm]?[jt]sx?$/;
const TEST_DIR = /(^|\/)(__tests__|tests?|specs?|e2e)\//;

/** True for a JavaScript or TypeScript test file: `*.test.ts`, `*.spec.js`, or a file under `__tests__/`, `test/` or `tests/`. */
export function isTestFile(path: string): boolean {
  if (!/\.[cm]?[jt]sx?$/.test(path)) return false;
  return TEST_NAME.test(path) || TEST_DIR.test(path);
}
