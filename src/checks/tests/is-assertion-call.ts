import type * as ESTree from "estree";

/** AVA and tap assertions on the test's `t` argument. */
const T_ASSERTIONS = new Set([
  "is",
  "not",
  "deepEqual",
  "notDeepEqual",
  "like",
  "true",
  "false",
  "truthy",
  "falsy",
  "throws",
  "throwsAsync",
  "notThrows",
  "notThrowsAsync",
  "regex",
  "notRegex",
  "snapshot",
  "equal",
  "notEqual",
  "strictEqual",
  "same",
  "notSame",
  "ok",
  "notOk",
  "match",
  "notMatch",
  "has",
  "rejects",
  "resolves",
  "plan",
  "pass",
  "fail",
]);

/** Identifier names along a callee: `sinon.assert.calledOnce` -> ["sinon", "assert", "calledOnce"]. */
function calleeNames(callee: ESTree.Node): string[] {
  const names: string[] = [];
  let current: ESTree.Node = callee;
  for (;;) {
    if (current.type === "Identifier") {
      names.unshift(current.name);
      return names;
    }
    if (current.type === "MemberExpression") {
      if (!current.computed && current.property.type === "Identifier") names.unshift(current.property.name);
      current = current.object;
    } else if (current.type === "CallExpression") {
      current = current.callee;
    } else if (current.type === "AwaitExpression") {
      current = current.argument;
    } else {
      return names;
    }
  }
}

/**
 * True for a call that asserts: `expect(...)`, `expect.assertions(n)`, `assert.equal(...)`,
 * `t.assert.ok(...)`, supertest's `.expect(200)`, `sinon.assert.*`, AVA/tap's `t.is(...)`, or a
 * helper whose name starts like an assertion (`expectValidTask(...)`, matched by `pattern`).
 */
export function isAssertionCall(node: ESTree.CallExpression, pattern: RegExp): boolean {
  const names = calleeNames(node.callee);
  if (names.some((name) => pattern.test(name) || name === "should")) return true;
  return names.length === 2 && names[0] === "t" && T_ASSERTIONS.has(names[1] as string);
}
