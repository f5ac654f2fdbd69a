import type { Rule } from "eslint";
import type * as ESTree from "estree";
import { testCallOf } from "../shared/test-call.js";

interface TrackedTest {
  call: ESTree.CallExpression;
  asserted: boolean;
  calls: Set<string>;
}

/** The name a function can be called by as a bare identifier: `function check() {}` or `const check = () => {}`. */
function callableName(node: ESTree.Node): string | undefined {
  if (node.type === "FunctionDeclaration") return node.id?.name;
  if (node.type !== "FunctionExpression" && node.type !== "ArrowFunctionExpression") return undefined;
  const parent = (node as ESTree.Node & { parent?: ESTree.Node }).parent;
  return parent?.type === "VariableDeclarator" && parent.id.type === "Identifier" ? parent.id.name : undefined;
}

/**
 * Which test cases of a file assert, as a rule visits it: a test asserts when an assertion runs inside it,
 * or when it calls a helper that asserts (directly or through other helpers), found at the end of the file.
 */
export class AssertionTracker {
  private readonly tests = new Map<ESTree.Node, TrackedTest>();
  /** Local names bound to assertion functions by import or require. */
  private readonly importedAssertions = new Set<string>();
  private readonly asserting = new Set<string>();
  private readonly callsByFunction = new Map<string, Set<string>>();

  constructor(private readonly context: Rule.RuleContext) {}

  noteAssertionName(name: string): void {
    this.importedAssertions.add(name);
  }

  isImportedAssertion(node: ESTree.CallExpression): boolean {
    return node.callee.type === "Identifier" && this.importedAssertions.has(node.callee.name);
  }

  /** Starts tracking a test case with an inline body, unless it is skipped or a to-do. */
  noteTest(node: ESTree.CallExpression): void {
    const call = testCallOf(node);
    const inactive =
      call?.name.startsWith("x") ||
      call?.modifiers.some((modifier) => modifier.name === "todo" || modifier.name === "skip");
    if (call?.kind === "case" && call.callback && !inactive)
      this.tests.set(call.callback, { call: node, asserted: false, calls: new Set() });
  }

  /** An assertion at `node`: the tests and the named helpers around it assert. */
  markAsserted(node: ESTree.Node): void {
    const around = this.enclosing(node);
    for (const test of around.tests) test.asserted = true;
    for (const name of around.functions) this.asserting.add(name);
  }

  /** A call of `callee` by name: the tests and helpers around it assert if `callee` turns out to. */
  noteCall(node: ESTree.CallExpression, callee: string): void {
    const around = this.enclosing(node);
    for (const test of around.tests) test.calls.add(callee);
    for (const name of around.functions) {
      const calls = this.callsByFunction.get(name) ?? new Set<string>();
      calls.add(callee);
      this.callsByFunction.set(name, calls);
    }
  }

  /** At the end of the file: the test calls that neither assert nor call a helper that asserts. */
  unassertedTests(): ESTree.CallExpression[] {
    // A helper that calls an asserting helper asserts too.
    let grew = true;
    while (grew) {
      grew = false;
      for (const [name, calls] of this.callsByFunction) {
        if (!this.asserting.has(name) && [...calls].some((callee) => this.asserting.has(callee))) {
          this.asserting.add(name);
          grew = true;
        }
      }
    }
    return [...this.tests.values()]
      .filter((test) => !test.asserted && ![...test.calls].some((callee) => this.asserting.has(callee)))
      .map((test) => test.call);
  }

  /** Tests and named functions around a node, innermost first. */
  private enclosing(node: ESTree.Node): { tests: TrackedTest[]; functions: string[] } {
    const result = { tests: [] as TrackedTest[], functions: [] as string[] };
    for (const ancestor of this.context.sourceCode.getAncestors(node as Rule.Node)) {
      const test = this.tests.get(ancestor);
      if (test) result.tests.push(test);
      const name = callableName(ancestor);
      if (name) result.functions.push(name);
    }
    return result;
  }
}
