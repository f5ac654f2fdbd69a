import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestFile } from "../shared/is-test-file.js";
import { testCallOf, testOption } from "../shared/test-call.js";

const SKIPPED = new Set(["xit", "xtest", "xspecify", "xdescribe", "xcontext", "xsuite"]);

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
        const call = testCallOf(node);
        if (!call) return;
        const what = call.kind === "suite" ? "group of tests" : "test";
        if (SKIPPED.has(call.name)) {
          context.report({ node: call.nameNode, messageId: "skipped", data: { what, how: call.name } });
          return;
        }
        const skip = call.modifiers.find((modifier) => modifier.name === "skip");
        if (skip) {
          context.report({ node: skip.node.property, messageId: "skipped", data: { what, how: `${context.sourceCode.getText(skip.node.object)}.skip` } });
          return;
        }
        const option = testOption(node, "skip");
        if (option) context.report({ node: option, messageId: "skipped", data: { what, how: "{ skip }" } });
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
