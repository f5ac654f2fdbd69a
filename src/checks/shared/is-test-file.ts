const TEST_NAME = /([._-](test|spec|e2e-spec)|\.(e2e|int|integration))\.[cm]?[jt]sx?$/;
const TEST_DIR = /(^|\/)(__tests__|tests?|specs?|e2e)\//;

/** True for a JavaScript or TypeScript test file: `*.test.ts`, `*.spec.js`, `*-test.js`, `*.e2e-spec.ts`, or a file under `__tests__/`, `test/`, `tests/`, `spec/` or `e2e/`. */
export function isTestFile(path: string): boolean {
  if (!/\.[cm]?[jt]sx?$/.test(path)) return false;
  return TEST_NAME.test(path) || TEST_DIR.test(path);
}
