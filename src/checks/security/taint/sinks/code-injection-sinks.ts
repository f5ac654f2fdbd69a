/**
 * Code injection: input run as code by `eval`, `new Function`, string `setTimeout`/`setInterval`,
 * the `vm` module, vm2's `VM`/`NodeVM`, `safe-eval`, a headless browser's `page.evaluate("...")`,
 * a server-side template compiled from input (ejs, pug, Handlebars, nunjucks, lodash `template`: template
 * injection runs code on the server), or loaded as a module by `require(x)` / `import(x)`.
 */
import type { TSESTree } from "@typescript-eslint/utils";
import type { TsNode as Node } from "../../../shared/ast/node.js";
import { propertyName, rootName } from "../../../shared/ast/names.js";
import { unwrap } from "../../../shared/ast/unwrap.js";
import type { TaintAnalyzer } from "../analysis/taint-analyzer.js";
import { dangerous } from "../analysis/taint.js";
import { calleeLabel, type SinkHit } from "./sink-hit.js";

const GLOBAL_EVALUATORS = new Set([
  "eval",
  "Function",
  "setTimeout",
  "setInterval",
  "setImmediate",
  "execScript",
  "require",
]);
const VM_CALLS = new Set([
  "runInNewContext",
  "runInThisContext",
  "runInContext",
  "compileFunction",
  "Script",
  "SourceTextModule",
]);

function firstTainted(
  args: readonly TSESTree.CallExpressionArgument[],
  analyzer: TaintAnalyzer,
  onlyFirst: boolean,
): SinkHit["taint"] | undefined {
  for (const argument of onlyFirst ? args.slice(0, 1) : args) {
    const inner = unwrap(argument);
    if (inner.type === "ArrowFunctionExpression" || inner.type === "FunctionExpression") return undefined;
    const taint = dangerous(analyzer.value(argument), "code-injection");
    if (taint) return taint;
  }
  return undefined;
}

/** Template engines whose compile/render functions take the template's source text first. */
const TEMPLATE_COMPILERS: Record<string, ReadonlySet<string>> = {
  ejs: new Set(["render", "compile"]),
  pug: new Set(["render", "compile", "compileClient"]),
  jade: new Set(["render", "compile"]),
  handlebars: new Set(["compile", "precompile"]),
  nunjucks: new Set(["renderString", "compile"]),
  lodash: new Set(["template"]),
  "lodash.template": new Set([""]),
  underscore: new Set(["template"]),
  dot: new Set(["template", "compile"]),
  "art-template": new Set(["render", "compile"]),
};

/** `X.run(code)` where X is `new VM(...)` / `new NodeVM(...)` from vm2 (a sandbox with known escapes). */
function isVm2Run(call: TSESTree.CallExpression | TSESTree.NewExpression, analyzer: TaintAnalyzer): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || callee.property.name !== "run")
    return false;
  let object: Node | undefined = unwrap(callee.object);
  if (object.type === "Identifier") object = analyzer.initOf(object);
  if (object?.type !== "NewExpression") return false;
  return analyzer.moduleMember(object.callee)?.module === "vm2";
}

/** A page of puppeteer/playwright: `page.evaluate("code")`, `page.addScriptTag({ content })` run text in the browser. */
const BROWSER_PAGE = /^(page|tab|frame|browserPage|newPage)$/i;

/** Engine instances whose methods compile source text: `new nunjucks.Environment()`, `Handlebars.create()`. */
const TEMPLATE_INSTANCES: Record<string, { factory: string; functions: ReadonlySet<string> }> = {
  nunjucks: { factory: "Environment", functions: new Set(["renderString", "compile"]) },
  handlebars: { factory: "create", functions: new Set(["compile", "precompile"]) },
};

/** `env.renderString(source)` with `const env = new nunjucks.Environment(...)` (or `Handlebars.create()`). */
function templateEnvironmentLabel(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  analyzer: TaintAnalyzer,
): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier") return undefined;
  const object = unwrap(callee.object);
  const made = object.type === "Identifier" ? analyzer.initOf(object) : undefined;
  if (made?.type !== "NewExpression" && made?.type !== "CallExpression") return undefined;
  const member = analyzer.moduleMember(made.callee);
  const engine = member && TEMPLATE_INSTANCES[member.module.toLowerCase()];
  if (!engine || member.members.join(".") !== engine.factory || !engine.functions.has(callee.property.name))
    return undefined;
  return `${member.module} ${callee.property.name}`;
}

function templateCompilerLabel(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  analyzer: TaintAnalyzer,
): string | undefined {
  const instance = templateEnvironmentLabel(call, analyzer);
  if (instance) return instance;
  const member = analyzer.moduleMember(call.callee);
  if (!member) return undefined;
  const functions = TEMPLATE_COMPILERS[member.module.toLowerCase()];
  const name = member.members[member.members.length - 1] ?? "";
  if (!functions || member.members.length > 1 || !functions.has(name)) return undefined;
  return `${member.module}${name ? `.${name}` : ""}`;
}

export function findCodeInjection(node: Node, analyzer: TaintAnalyzer): SinkHit[] {
  if (node.type === "ImportExpression") {
    const taint = dangerous(analyzer.value(node.source), "code-injection");
    return taint?.kind === "request"
      ? [{ category: "code-injection", node: node.source, sink: "import()", taint }]
      : [];
  }
  if (node.type !== "CallExpression" && node.type !== "NewExpression") return [];
  const callee = unwrap(node.callee);
  let label: string | undefined;
  if (callee.type === "Identifier" && GLOBAL_EVALUATORS.has(callee.name) && analyzer.isGlobal(callee))
    label = callee.name;
  else if (
    callee.type === "MemberExpression" &&
    callee.object.type === "Identifier" &&
    ["window", "globalThis", "global"].includes(callee.object.name) &&
    callee.property.type === "Identifier" &&
    GLOBAL_EVALUATORS.has(callee.property.name)
  )
    label = callee.property.name;
  else {
    const member = analyzer.moduleMember(node.callee);
    const name = member?.members[member.members.length - 1];
    if (member?.module === "vm" && name && VM_CALLS.has(name)) label = `vm.${name}`;
    else if (member && /^(safe-eval|notevil|eval|static-eval)$/.test(member.module)) label = member.module;
    // node-serialize runs functions embedded in the serialised text; mathjs' old `eval` could reach the Function constructor.
    else if (member?.module === "node-serialize" && name === "unserialize") label = "unserialize";
    else if (member?.module === "mathjs" && name === "eval") label = "mathjs.eval";
    else if (node.type === "CallExpression" && isVm2Run(node, analyzer)) label = "vm2 run";
    else if (templateCompilerLabel(node, analyzer)) {
      const template = node.arguments[0];
      const found =
        template && template.type !== "SpreadElement"
          ? dangerous(analyzer.value(template), "code-injection")
          : undefined;
      // A template read from a file (`Handlebars.compile(await fs.readFile(templatePath, "utf8"))`) is how template
      // engines are used: the file is the application's own. A path taken from input is path traversal, reported there.
      const taint = found?.kind === "file" ? undefined : found;
      return template && taint
        ? [
            {
              category: "code-injection",
              node: template,
              sink: `template source of ${calleeLabel(analyzer, node)}() (server-side template injection)`,
              taint,
            },
          ]
        : [];
    } else if (
      callee.type === "MemberExpression" &&
      propertyName(callee) === "evaluate" &&
      BROWSER_PAGE.test(rootName(callee.object) ?? "")
    ) {
      const script = node.arguments[0];
      const inner = script && unwrap(script);
      const taint =
        inner &&
        inner.type !== "ArrowFunctionExpression" &&
        inner.type !== "FunctionExpression" &&
        inner.type !== "SpreadElement"
          ? dangerous(analyzer.value(inner), "code-injection")
          : undefined;
      return script && taint
        ? [
            {
              category: "code-injection",
              node: script,
              sink: `script text of ${calleeLabel(analyzer, node)}() (runs in the headless browser)`,
              taint,
            },
          ]
        : [];
    }
  }
  if (!label) return [];
  const found = firstTainted(node.arguments, analyzer, label !== "Function");
  // Loading a module named on the command line or in the environment is how CLIs work; from a request it is not.
  const taint = label === "require" && found && found.kind !== "request" ? undefined : found;
  const at = node.arguments.find((argument) => analyzer.value(argument).taint) ?? node;
  return taint ? [{ category: "code-injection", node: at, sink: `${calleeLabel(analyzer, node)}()`, taint }] : [];
}
