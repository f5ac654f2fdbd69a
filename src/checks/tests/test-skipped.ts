import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestFile } from "../shared/is-test-file.js";
import { testMarkerOf } from "../shared/test-marker.js";

const SKIPPED = new Set(["xit", "xtest", "xspecify", "xdescribe", "xcontext", "xsuite"]);

const isString = (node: ESTree.Node | undefined): boolean =>
  (node?.type === "Literal" && typeof node.value === "string") || node?.type === "TemplateLiteral";

/**
 * Playwright's runtime skip: `test.skip()` inside a test, `test.skip(browserName === "webkit", "reason")`,
 * `test.skip(({ browserName }) => ..., "reason")`, or `test.skip(true, "reason")` under an `if`. Its first
 * argument is a condition, not a test title, and it gates the tests on where they run (a browser, an
 * environment without the service), which is what it is for. An unconditional `test.skip(true)` with no
 * reason, outside any `if`, still switches the tests off for good and is reported.
 */
function isConditionalSkip(node: ESTree.CallExpression): boolean {
  const callee = node.callee;
  if (callee.type !== "MemberExpression" || callee.property.type !== "Identifier" || callee.property.name !== "skip")
    return false;
  const [first, second] = node.arguments;
  if (isString(first as ESTree.Node | undefined)) return false;
  if (first?.type === "Literal" && first.value === true) {
    const guarded = (node as { parent?: ESTree.Node }).parent;
    let inIf = false;
    for (let current = guarded; current; current = (current as { parent?: ESTree.Node }).parent)
      if (current.type === "IfStatement" || current.type === "ConditionalExpression") inIf = true;
    return inIf || isString(second as ESTree.Node | undefined);
  }
  return true;
}

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Report tests that are skipped (`.skip`, `xit`, `xdescribe`, node:test `{ skip }`)." },
    messages: {
      skipped:
        "Make this {{what}} pass and run it again, or delete it if it no longer applies, instead of skipping it with `{{how}}`. " +
        "A skipped test checks nothing, and it is easy to forget it is there.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node: ESTree.CallExpression) {
        const marker = testMarkerOf(node, "skip", SKIPPED);
        if (!marker || (marker.by === "modifier" && isConditionalSkip(node))) return;
        const what = marker.call.kind === "suite" ? "group of tests" : "test";
        if (marker.by === "name")
          context.report({ node: marker.call.nameNode, messageId: "skipped", data: { what, how: marker.call.name } });
        else if (marker.by === "modifier") {
          const how = `${context.sourceCode.getText(marker.modifier.node.object)}.skip`;
          context.report({ node: marker.modifier.node.property, messageId: "skipped", data: { what, how } });
        } else context.report({ node: marker.option, messageId: "skipped", data: { what, how: "{ skip }" } });
      },
    };
  },
};

/** Tests switched off with `.skip`, `xit`, `xdescribe` or node:test's `skip` option. */
export const testSkippedCheck: EslintCheck = {
  kind: "eslint",
  id: "test-skipped",
  criterion: "tests",
  description: "A test is skipped (`.skip`, `xit`, `xdescribe`), so it checks nothing.",
  defaultLevel: "actionable",
  rule,
  appliesTo: isTestFile,
};
