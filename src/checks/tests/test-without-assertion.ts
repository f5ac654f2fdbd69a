import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { isTestFile } from "../shared/is-test-file.js";
import { AssertionTracker } from "./assertion-tracker.js";
import { isAssertionCall } from "./is-assertion-call.js";

const optionsSchema = z.strictObject({
  assertFunctionPattern: z
    .string()
    .default("^(expect|assert)")
    .refine((pattern) => {
      try {
        new RegExp(pattern);
        return true;
      } catch {
        return false;
      }
    }, "expected a valid regular expression")
    .describe("Calls whose name (or a member of it) matches this pattern count as assertions."),
});

/** Modules whose named exports are assertions: `import { equal } from "node:assert/strict"`. */
const ASSERTION_MODULES = new Set([
  "assert",
  "node:assert",
  "assert/strict",
  "node:assert/strict",
  "chai",
  "uvu/assert",
  "power-assert",
  "@std/assert",
  "expect",
]);

/**
 * A Gherkin-style test (jest-cucumber: `test("...", ({ given, when, then }) => { ... })`) asserts in its `then`
 * steps. Passing `then` to a shared step helper (`iReceiveAnError(then, ctx)`) hands that helper the step to
 * define, assertion included, in a file this rule does not read.
 */
function passesThenStep(context: Rule.RuleContext, node: ESTree.CallExpression): boolean {
  return node.arguments.some((argument) => {
    if (argument.type !== "Identifier" || argument.name !== "then") return false;
    const variable = context.sourceCode
      .getScope(argument)
      .references.find((reference) => reference.identifier === argument)?.resolved;
    const definition = variable?.defs[0];
    return (
      definition?.type === "Parameter" &&
      (definition.name as ESTree.Node & { parent?: ESTree.Node }).parent?.type === "Property"
    );
  });
}

const rule: Rule.RuleModule = {
  meta: {
    type: "problem",
    docs: { description: "Require every test case to assert something." },
    messages: {
      noAssertion:
        "Add an assertion to this test, such as `expect(result).toEqual(...)`, `assert.equal(...)` or supertest's `.expect(200)`. " +
        "A test without an assertion passes whatever the code does, so it cannot catch a bug.",
    },
    schema: [
      { type: "object", properties: { assertFunctionPattern: { type: "string" } }, additionalProperties: false },
    ],
  },
  create(context) {
    const pattern = new RegExp(
      (context.options[0] as { assertFunctionPattern?: string } | undefined)?.assertFunctionPattern ??
        "^(expect|assert)",
    );
    const tracker = new AssertionTracker(context);
    return {
      ImportDeclaration(node: ESTree.ImportDeclaration) {
        if (ASSERTION_MODULES.has(String(node.source.value)))
          for (const specifier of node.specifiers) tracker.noteAssertionName(specifier.local.name);
      },
      // const { equal } = require("node:assert")
      "VariableDeclarator[init.type='CallExpression'][init.callee.name='require'][id.type='ObjectPattern']"(
        node: ESTree.VariableDeclarator,
      ) {
        const init = node.init as ESTree.CallExpression;
        const source = init.arguments[0];
        if (
          source?.type !== "Literal" ||
          !ASSERTION_MODULES.has(String(source.value)) ||
          node.id.type !== "ObjectPattern"
        )
          return;
        for (const property of node.id.properties)
          if (property.type === "Property" && property.value.type === "Identifier")
            tracker.noteAssertionName(property.value.name);
      },
      CallExpression(node: ESTree.CallExpression) {
        tracker.noteTest(node);
        if (isAssertionCall(node, pattern) || tracker.isImportedAssertion(node) || passesThenStep(context, node))
          tracker.markAsserted(node);
        else if (node.callee.type === "Identifier") tracker.noteCall(node, node.callee.name);
      },
      // chai's should style: `res.should.have.status(200)`.
      "MemberExpression[property.name='should']"(node: ESTree.MemberExpression) {
        tracker.markAsserted(node);
      },
      "Program:exit"() {
        for (const test of tracker.unassertedTests()) context.report({ node: test.callee, messageId: "noAssertion" });
      },
    };
  },
};

/** Test cases that never assert: they pass whatever the code does. */
export const testWithoutAssertionCheck: EslintCheck = {
  kind: "eslint",
  id: "test-without-assertion",
  criterion: "tests",
  description: "A test case contains no assertion, so it passes whatever the code does.",
  defaultLevel: "actionable",
  options: optionsSchema,
  rule,
  ruleOptions: (options) => [checkOptions(optionsSchema, options, "test-without-assertion")],
  appliesTo: isTestFile,
};
