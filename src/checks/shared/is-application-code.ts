import { isTestFile } from "./is-test-file.js";

const JS_FILE = /\.[cm]?[jt]sx?$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const CONFIG =
  /(^|\/)([^/]*\.config\.[cm]?[jt]s|\.[^/]*rc\.[cm]?[jt]s|knexfile\.[cm]?[jt]s|Gruntfile\.[jt]s|gulpfile\.[jt]s)$/;
const NOT_APPLICATION_DIR =
  /(^|\/)(migrations?|seeds?|seeders|scripts|fixtures|__mocks__|__fixtures__|node_modules|dist|build|coverage|\.github|starter-templates)\//;

/**
 * True for application code: JavaScript or TypeScript that ships with the app. Not tests, configs,
 * migrations, seeds, scripts, fixtures, build output or type declarations.
 */
export function isApplicationCode(path: string): boolean {
  if (!JS_FILE.test(path) || DECLARATION.test(path)) return false;
  if (isTestFile(path) || CONFIG.test(path)) return false;
  return !NOT_APPLICATION_DIR.test(path);
}
