import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestFile } from "../shared/is-test-file.js";
import { testMarkerOf } from "../shared/test-marker.js";

const FOCUSED: Record<string, string> = { fit: "it", fdescribe: "describe" };
const FOCUSED_NAMES = new Set(Object.keys(FOCUSED));

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    fixable: "code",
    docs: { description: "Disallow focused tests (`.only`, `fit`, `fdescribe`) left in a test file." },
    messages: {
      only:
        "Remove `.only` from `{{name}}.only`: it makes the test runner skip every other test in this file, " +
        "so a broken test elsewhere goes unnoticed while the run still looks green.",
      focused:
        "Write `{{plain}}` instead of `{{name}}`: the `f` prefix focuses this test and makes the runner skip every other one, " +
        "so a broken test elsewhere goes unnoticed while the run still looks green.",
      onlyOption:
        "Remove the `only` option from this test: with `--test-only` it makes node:test skip every other test, " +
        "so a broken test elsewhere goes unnoticed.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node: ESTree.CallExpression) {
        const marker = testMarkerOf(node, "only", FOCUSED_NAMES);
        if (marker?.by === "name") {
          const { name, nameNode } = marker.call;
          const plain = FOCUSED[name] ?? name;
          context.report({
            node: nameNode,
            messageId: "focused",
            data: { name, plain },
            fix: (fixer) => fixer.replaceText(nameNode, plain),
          });
        } else if (marker?.by === "modifier") {
          const only = marker.modifier;
          const objectEnd = (only.node.object as ESTree.Node & { range: [number, number] }).range[1];
          const memberEnd = (only.node as ESTree.Node & { range: [number, number] }).range[1];
          context.report({
            node: only.node.property,
            messageId: "only",
            data: { name: context.sourceCode.getText(only.node.object) },
            fix: (fixer) => fixer.removeRange([objectEnd, memberEnd]),
          });
        } else if (marker?.by === "option") {
          context.report({ node: marker.option, messageId: "onlyOption" });
        }
      },
    };
  },
};

/** `.only`, `fit` and `fdescribe` left in: every other test silently stops running. */
export const testOnlyCheck: EslintCheck = {
  kind: "eslint",
  id: "test-only",
  criterion: "tests",
  description: "A focused test (`.only`, `fit`, `fdescribe`) makes the runner skip every other test.",
  defaultLevel: "essential",
  rule,
  appliesTo: isTestFile,
};
