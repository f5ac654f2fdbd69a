import { posix } from "node:path";

const TEMPLATE = /\.(ejs|hbs|handlebars|pug|jade|njk|mustache|html)$/i;

/**
 * True when the project renders HTML pages on the server (it has view templates). HTML forms can only send GET and
 * POST, and a page answers errors with text, so such projects are held to the JSON-API rules only where they apply.
 */
export function rendersPages(repoPaths: readonly string[]): boolean {
  return repoPaths.some(
    (path) =>
      TEMPLATE.test(path) &&
      /(^|\/)(views|templates|pages)\//.test(posix.normalize(path)) &&
      !/node_modules\//.test(path),
  );
}
