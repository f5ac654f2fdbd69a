import type { Rule } from "eslint";
import type * as ESTree from "estree";
import type { EslintCheck } from "../../contract/check.js";
import { isTestFile } from "../shared/is-test-file.js";
import { testCallOf, testOption } from "../shared/test-call.js";

const rule: Rule.RuleModule = {
  meta: {
    type: "suggestion",
    docs: { description: "Report tests written down as to-do (`it.todo`, node:test `{ todo }`, a test with no body)." },
    messages: {
      todo:
        "Good that you wrote down this test idea; write its body when you can, so it checks the behaviour it names. " +
        "Until then it is a reminder, not a test.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node: ESTree.CallExpression) {
        const call = testCallOf(node);
        if (!call || call.kind !== "case") return;
        const todo = call.modifiers.find((modifier) => modifier.name === "todo");
        if (todo) {
          context.report({ node: todo.node.property, messageId: "todo" });
          return;
        }
        const option = testOption(node, "todo");
        if (option) {
          context.report({ node: option, messageId: "todo" });
          return;
        }
        // mocha and vitest treat a test without a body as pending.
        const skipped = call.modifiers.some((modifier) => modifier.name === "skip") || call.name.startsWith("x");
        if (!skipped && node.arguments.length === 1 && node.arguments[0]?.type !== "SpreadElement")
          context.report({ node, messageId: "todo" });
      },
    };
  },
};

/** Tests noted as to-do: worth knowing, not a fault. */
export const testTodoCheck: EslintCheck = {
  kind: "eslint",
  id: "test-todo",
  criterion: "tests",
  description: "A test is written down as to-do (`it.todo`) and does not check anything yet.",
  defaultLevel: "informative",
  rule,
  appliesTo: isTestFile,
};
