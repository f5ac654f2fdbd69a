import type * as ESTree from "estree";

const CASE_NAMES = new Set(["it", "test", "specify", "fit", "xit", "xtest", "xspecify"]);
const SUITE_NAMES = new Set(["describe", "context", "suite", "fdescribe", "xdescribe", "xcontext", "xsuite"]);
/** Modifiers that build a test function instead of being one: `it.each(table)("name", fn)`. */
const FACTORIES = new Set(["each", "for", "skipIf", "runIf", "extend"]);
/** Playwright's `test.beforeAll(...)`, `test.use({...})`, `test.step(...)`: hooks and settings on `test`, not tests. */
const NOT_A_TEST = new Set([
  "beforeAll",
  "afterAll",
  "beforeEach",
  "afterEach",
  "use",
  "step",
  "setTimeout",
  "slow",
  "info",
  "configure",
]);

export interface TestCallModifier {
  name: string;
  /** The member expression that ends with this modifier (`it.only` for `only`). */
  node: ESTree.MemberExpression;
}

export interface TestCall {
  /** The test function's own name: `it`, `test`, `describe`, `fit`, `xdescribe`, ... */
  name: string;
  nameNode: ESTree.Identifier;
  /** Members after the name, in source order: `only`, `skip`, `todo`, `each`, `concurrent`, ... */
  modifiers: TestCallModifier[];
  kind: "case" | "suite";
  /** The test's body, when it is written inline (the last function argument). */
  callback?: ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;
}

function calleeChain(callee: ESTree.Node): { base: ESTree.Identifier; modifiers: TestCallModifier[] } | undefined {
  const modifiers: TestCallModifier[] = [];
  let current: ESTree.Node = callee;
  for (;;) {
    if (current.type === "Identifier") return { base: current, modifiers };
    if (current.type === "CallExpression") {
      current = current.callee;
      continue;
    }
    if (current.type === "MemberExpression" && !current.computed && current.property.type === "Identifier") {
      modifiers.unshift({ name: current.property.name, node: current });
      current = current.object;
      continue;
    }
    return undefined;
  }
}

/**
 * Recognises a call to a test framework's test or suite function (vitest, jest, mocha, node:test,
 * playwright): `it(...)`, `test.only(...)`, `describe.skip(...)`, `it.each(table)(...)`, `fit(...)`.
 */
export function testCallOf(node: ESTree.CallExpression): TestCall | undefined {
  const chain = calleeChain(node.callee);
  if (!chain) return undefined;
  const { base, modifiers } = chain;
  const isCase = CASE_NAMES.has(base.name);
  if (!isCase && !SUITE_NAMES.has(base.name)) return undefined;
  // `it.each(table)` itself only builds the test; the call of its result is the test.
  if (modifiers.some((modifier) => NOT_A_TEST.has(modifier.name))) return undefined;
  const last = modifiers.at(-1);
  if (node.callee.type === "MemberExpression" && last && FACTORIES.has(last.name)) return undefined;
  const kind = !isCase || modifiers.some((modifier) => modifier.name === "describe") ? "suite" : "case";
  const callback = [...node.arguments]
    .reverse()
    .find((argument) => argument.type === "FunctionExpression" || argument.type === "ArrowFunctionExpression");
  const call: TestCall = { name: base.name, nameNode: base, modifiers, kind };
  if (callback) call.callback = callback as ESTree.FunctionExpression | ESTree.ArrowFunctionExpression;
  return call;
}

/** node:test's options argument: `test("name", { skip: true }, fn)`. The value of `key` when set and not false. */
export function testOption(node: ESTree.CallExpression, key: "skip" | "todo" | "only"): ESTree.Property | undefined {
  for (const argument of node.arguments.slice(0, 2)) {
    if (argument.type !== "ObjectExpression") continue;
    for (const property of argument.properties) {
      if (property.type !== "Property" || property.computed) continue;
      const name =
        property.key.type === "Identifier"
          ? property.key.name
          : property.key.type === "Literal"
            ? String(property.key.value)
            : undefined;
      if (name !== key) continue;
      if (property.value.type === "Literal" && (property.value.value === false || property.value.value === null))
        return undefined;
      return property;
    }
  }
  return undefined;
}
