import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { z } from "zod";
import type { EslintCheck } from "../../contract/check.js";
import { checkOptions } from "../shared/check-options.js";
import { isTestFile } from "../shared/is-test-file.js";
import { testCallOf } from "../shared/test-call.js";
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
const ASSERTION_MODULES = new Set(["assert", "node:assert", "assert/strict", "node:assert/strict", "chai", "uvu/assert", "power-assert", "@std/assert", "expect"]);

type FunctionNode = ESTree.FunctionExpression | ESTree.ArrowFunctionExpression | ESTree.FunctionDeclaration;

interface TrackedTest {
  call: ESTree.CallExpression;
  asserted: boolean;
  calls: Set<string>;
}

/** The name a function can be called by: `function check() {}` or `const check = () => {}`. */
function functionName(node: ESTree.Node): string | undefined {
  if (node.type === "FunctionDeclaration") return node.id?.name;
  if (node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return undefined;
  const parent = (node as ESTree.Node & { parent?: ESTree.Node }).parent;
  return parent?.type === "VariableDeclarator" && parent.id.type === "Identifier" ? parent.id.name : undefined;
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
    schema: [{ type: "object", properties: { assertFunctionPattern: { type: "string" } }, additionalProperties: false }],
  },
  create(context) {
    const pattern = new RegExp((context.options[0] as { assertFunctionPattern?: string } | undefined)?.assertFunctionPattern ?? "^(expect|assert)");
    const tests = new Map<ESTree.Node, TrackedTest>();
    /** Local names bound to assertion functions by import or require. */
    const importedAssertions = new Set<string>();
    const asserting = new Set<string>();
    const callsByFunction = new Map<string, Set<string>>();

    /** Tests and named functions around a node, innermost first. */
    function enclosing(node: ESTree.Node): { tests: TrackedTest[]; functions: string[] } {
      const result = { tests: [] as TrackedTest[], functions: [] as string[] };
      for (const ancestor of context.sourceCode.getAncestors(node as Rule.Node)) {
        const test = tests.get(ancestor);
        if (test) result.tests.push(test);
        const name = functionName(ancestor as FunctionNode);
        if (name) result.functions.push(name);
      }
      return result;
    }

    function markAsserted(node: ESTree.Node): void {
      const around = enclosing(node);
      for (const test of around.tests) test.asserted = true;
      for (const name of around.functions) asserting.add(name);
    }

    return {
      ImportDeclaration(node: ESTree.ImportDeclaration) {
        if (!ASSERTION_MODULES.has(String(node.source.value))) return;
        for (const specifier of node.specifiers) importedAssertions.add(specifier.local.name);
      },
      // const { equal } = require("node:assert")
      "VariableDeclarator[init.type='CallExpression'][init.callee.name='require'][id.type='ObjectPattern']"(node: ESTree.VariableDeclarator) {
        const init = node.init as ESTree.CallExpression;
        const source = init.arguments[0];
        if (source?.type !== "Literal" || !ASSERTION_MODULES.has(String(source.value)) || node.id.type !== "ObjectPattern") return;
        for (const property of node.id.properties) if (property.type === "Property" && property.value.type === "Identifier") importedAssertions.add(property.value.name);
      },
      CallExpression(node: ESTree.CallExpression) {
        const call = testCallOf(node);
        const inactive = call?.name.startsWith("x") || call?.modifiers.some((modifier) => modifier.name === "todo" || modifier.name === "skip");
        if (call?.kind === "case" && call.callback && !inactive) {
          tests.set(call.callback, { call: node, asserted: false, calls: new Set() });
        }
        if (isAssertionCall(node, pattern) || (node.callee.type === "Identifier" && importedAssertions.has(node.callee.name))) {
          markAsserted(node);
          return;
        }
        if (node.callee.type !== "Identifier") return;
        const callee = node.callee.name;
        const around = enclosing(node);
        for (const test of around.tests) test.calls.add(callee);
        for (const name of around.functions) {
          const calls = callsByFunction.get(name) ?? new Set<string>();
          calls.add(callee);
          callsByFunction.set(name, calls);
        }
      },
      // chai's should style: `res.should.have.status(200)`.
      "MemberExpression[property.name='should']"(node: ESTree.MemberExpression) {
        markAsserted(node);
      },
      "Program:exit"() {
        // A helper that calls an asserting helper asserts too.
        let grew = true;
        while (grew) {
          grew = false;
          for (const [name, calls] of callsByFunction) {
            if (!asserting.has(name) && [...calls].some((callee) => asserting.has(callee))) {
              asserting.add(name);
              grew = true;
            }
          }
        }
        for (const test of tests.values()) {
          if (test.asserted || [...test.calls].some((callee) => asserting.has(callee))) continue;
          context.report({ node: test.call.callee, messageId: "noAssertion" });
        }
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
