import type { TSESTree } from "@typescript-eslint/typescript-estree";
import type { Rule } from "eslint";
import { projectFilesOf, type EslintCheck, type ProjectFiles } from "../../contract/check.js";
import { coreRule } from "../shared/core-rule.js";
import { walk } from "../shared/ast/walk.js";
import { filteredRule } from "../shared/filtered-rule.js";

const es5Files = new WeakMap<object, boolean>();

/** A JavaScript file with at least this many declarations, this share of them `var`, is written in var style. */
const VAR_STYLE_MIN = 10;
const VAR_STYLE_SHARE = 0.8;

/** Syntax from ES2015 on: a file with any of it is not ES5 style. */
const MODERN = new Set<string>([
  "ArrowFunctionExpression",
  "ClassDeclaration",
  "ClassExpression",
  "TemplateLiteral",
  "ImportDeclaration",
  "ImportExpression",
  "ExportNamedDeclaration",
  "ExportDefaultDeclaration",
  "ExportAllDeclaration",
  "AwaitExpression",
  "ForOfStatement",
  "SpreadElement",
  "RestElement",
  "ObjectPattern",
  "ArrayPattern",
]);

/** Declarations at the start of a line, by keyword: enough to tell a project's style. */
const DECLARATION = /^\s*(var|let|const)\s+[\w${[]/gm;
/** A project is written in var style when this many of its JavaScript declarations (at least 50, in 3 files) are `var`. */
const PROJECT_VAR_MIN = 50;
const projectStyles = new WeakMap<ProjectFiles, boolean>();

/**
 * True when the project's JavaScript is written with `var` (Express's examples: every file declares with `var`):
 * a small file in the same style follows the project's convention, even when it is too short to show a style of
 * its own. TypeScript files do not count, and neither does the file itself.
 */
function isVarStyleProject(context: Rule.RuleContext): boolean {
  const project = projectFilesOf(context.settings);
  if (!project) return false;
  let known = projectStyles.get(project);
  if (known === undefined) {
    let vars = 0;
    let all = 0;
    let files = 0;
    for (const [path, content] of project.contents) {
      if (!/\.[cm]?jsx?$/i.test(path) || path === context.filename) continue;
      let counted = false;
      for (const match of content.matchAll(DECLARATION)) {
        all += 1;
        if (match[1] === "var") vars += 1;
        counted = true;
      }
      if (counted) files += 1;
    }
    known = files >= 3 && all >= PROJECT_VAR_MIN && vars >= VAR_STYLE_SHARE * all;
    projectStyles.set(project, known);
  }
  return known;
}

/**
 * A JavaScript file with no ES2015 syntax at all (no `let`/`const`, arrow function, class, template, module
 * syntax, async, destructuring or spread) is written in ES5 style on purpose: a library that still supports
 * old runtimes, or code that predates ES2015 (Express's own source and examples). Changing one `var` there
 * would mix two styles. So does a JavaScript file whose declarations are mostly `var` (at least 10, 80% of them
 * `var`: a var-style file that gained a few newer lines). TypeScript files, and other files, get the finding.
 */
function isEs5File(context: Rule.RuleContext): boolean {
  const ast = context.sourceCode.ast;
  let es5 = es5Files.get(ast);
  if (es5 === undefined) {
    const typescript = /\.[cm]?tsx?$/i.test(context.filename);
    let modern = typescript;
    let vars = 0;
    let others = 0;
    walk(ast as unknown as TSESTree.Node, (node) => {
      if (node.type === "VariableDeclaration") {
        if (node.kind === "var") vars += 1;
        else others += 1;
      }
      modern ||=
        MODERN.has(node.type) ||
        node.type.startsWith("TS") ||
        ((node.type === "FunctionDeclaration" || node.type === "FunctionExpression") && node.async);
      return true;
    });
    // A long-lived var-style file with a few newer lines (Express 5's own source): its style is still `var`.
    // So is a file of a var-style project that declares with `var` too, however short (see isVarStyleProject).
    const mostlyVar = vars > 0 && vars >= VAR_STYLE_SHARE * (vars + others);
    const varStyle = mostlyVar && (vars + others >= VAR_STYLE_MIN || isVarStyleProject(context));
    es5 = !typescript && (!(modern || others > 0) || varStyle);
    es5Files.set(ast, es5);
  }
  return es5;
}

/** `var` declarations, through ESLint's `no-var` (which fixes to `let` when that is safe). */
export const noVarCheck: EslintCheck = {
  kind: "eslint",
  id: "no-var",
  criterion: "clean-code",
  description: "`var` is function-scoped and hoisted; `const` and `let` are block-scoped.",
  defaultLevel: "actionable",
  // ES5-style files (no let/const anywhere) are left alone: see isEs5File.
  // `declare global { var cache: Cache }` and `declare var x` need `var`: `let` there does not compile.
  rule: filteredRule(coreRule("no-var"), {
    names: ["no-var"],
    skip: (node, context) =>
      isEs5File(context) ||
      context.sourceCode.getAncestors(node).some((ancestor) => ancestor.type === ("TSModuleDeclaration" as string)) ||
      (node as { declare?: boolean }).declare === true,
  }),
  learnerMessage: () =>
    "Declare this with `const`, or `let` if you assign it again, instead of `var`. " +
    "`var` belongs to the whole function rather than the block it is written in, which lets a value leak out of loops and `if` blocks.",
};
