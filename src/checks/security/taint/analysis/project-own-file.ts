/**
 * A file the project ships, read from a constant path next to the code: `readFileSync(new URL("../views/a.hbs",
 * import.meta.url))`, `readFile(path.join(__dirname, "templates", "mail.html"))`, `readFileSync("./schema.sql")`.
 * Its content is the project's own code or template, not untrusted data, so it is not a taint source.
 * A constant absolute path (`/tmp/upload.txt`, a shared directory) still is: someone else may write there.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { TaintAnalyzer } from "./taint-analyzer.js";

/** Where the module or the project is: the anchors a path to the project's own files starts from. */
const ANCHOR = /^(?:__dirname|__filename|import\.meta\.(?:url|dirname|filename)|process\.cwd\(\))$/;
const PATH_JOINERS = /^(?:path\.)?(?:join|resolve)$/;

function anchoredPath(node: TSESTree.Node, analyzer: TaintAnalyzer): boolean {
  if (node.type === "Literal") return typeof node.value === "string" && !node.value.startsWith("/");
  if (node.type === "TemplateLiteral")
    return node.expressions.length === 0 && !node.quasis[0]?.value.cooked?.startsWith("/");
  const text = analyzer.text(node).replace(/\s+/g, "");
  if (ANCHOR.test(text)) return true;
  if (node.type === "NewExpression" && analyzer.text(node.callee) === "URL")
    return node.arguments.length === 2 && anchoredPath(node.arguments[1] as TSESTree.Node, analyzer);
  if (node.type === "CallExpression" && PATH_JOINERS.test(analyzer.text(node.callee)))
    return node.arguments.length > 0 && anchoredPath(node.arguments[0] as TSESTree.Node, analyzer);
  return false;
}

/** True when a file read's path is a constant anchored at the module or the project, with no input in it. */
export function projectOwnFile(analyzer: TaintAnalyzer, path: TSESTree.Node | undefined): boolean {
  if (!path || path.type === "SpreadElement") return false;
  if (analyzer.value(path).taint) return false;
  return anchoredPath(path, analyzer);
}
