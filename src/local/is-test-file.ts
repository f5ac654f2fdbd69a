/** Test files by the usual conventions: `*.test.ts`, `*.spec.js`, `__tests__/`, `test/` or `tests/` folders. */
export function isTestFile(path: string): boolean {
  return /[._-](test|spec)\.[cm]?[jt]sx?$/.test(path) || /(^|\/)(__tests__|tests?|e2e)\/.+\.[cm]?[jt]sx?$/.test(path);
}
