import { describe, expect, it } from "vitest";
import { testWithoutAssertionCheck } from "../../../src/checks/tests/test-without-assertion.js";
import { ValidationError } from "../../../src/validation/validation-error.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("test-without-assertion", testWithoutAssertionCheck.rule, {
  valid: [
    'it("adds", () => { expect(add(1, 2)).toBe(3); });',
    'test("rejects", async () => { await expect(save({})).rejects.toThrow(); });',
    'test("node", () => { assert.equal(add(1, 2), 3); });',
    'test("node strict", () => { assert.strict.deepEqual(list(), []); });',
    'test("node t", (t) => { t.assert.ok(true); });',
    'test("ava", (t) => { t.is(add(1, 2), 3); });',
    'it("lists", async () => { await request(app).get("/tasks").expect(200); });',
    'it("chai", () => { result.should.equal(3); });',
    'it("counts", () => { expect.assertions(1); return run(); });',
    'it("sinon", () => { sinon.assert.calledOnce(spy); });',
    // a helper that asserts, declared after the test or through another helper
    'it("uses a helper", () => { checkTask(make()); }); function checkTask(t) { expect(t.id).toBeDefined(); }',
    'const inner = (x) => assert.ok(x); const outer = (x) => inner(x); it("nested helper", () => { outer(1); });',
    'it("helper by name", () => { expectValidTask(make()); });',
    'it.todo("later");',
    'import { equal, ok as isOk } from "node:assert/strict"; test("named", () => { equal(add(1, 2), 3); }); test("renamed", () => { isOk(true); });',
    'const { deepEqual } = require("assert"); it("required", () => { deepEqual(list(), []); });',
    'it.skip("reported by test-skipped", () => {});',
    'describe("suite without assertions of its own", () => { it("a", () => { expect(1).toBe(1); }); });',
    // Playwright's hooks and settings hang off `test` but are not tests
    'test.beforeAll(async ({ browser }) => { page = await browser.newPage(); }); test.afterAll(async () => { await page.close(); }); test.afterEach(() => {}); test.use({ locale: "en" });',
    'test("signs in", async () => { await test.step("open", async () => { await page.goto("/"); }); await expect(page).toHaveTitle("Home"); });',
    {
      code: 'it("custom", () => { verifyTask(make()); });',
      options: [{ assertFunctionPattern: "^(expect|assert|verify)" }],
    },
    // jest-cucumber: the shared step helper given `then` defines the assertion step.
    'test("rejects bad input", ({ given, when, then }) => { givenBadInput(given); iPost(when); iGetAnError(then); });',
  ],
  invalid: [
    { code: 'it("adds", () => { add(1, 2); });', errors: [{ messageId: "noAssertion" }] },
    { code: 'test("empty", () => {});', errors: [{ messageId: "noAssertion" }] },
    {
      code: 'test.beforeEach(() => {}); test("opens", async () => { await page.goto("/"); });',
      errors: [{ messageId: "noAssertion", column: 28 }],
    },
    {
      code: 'it("logs", async () => { const res = await request(app).get("/tasks"); console.log(res.body); });',
      errors: [{ messageId: "noAssertion" }],
    },
    { code: 'test.each([1, 2])("n %i", (n) => { double(n); });', errors: [{ messageId: "noAssertion" }] },
    {
      code: 'describe("tasks", () => { it("a", () => { expect(1).toBe(1); }); it("b", () => { run(); }); });',
      errors: [{ messageId: "noAssertion", line: 1, column: 66 }],
    },
    {
      code: 'it("helper without assertion", () => { setup(); }); function setup() { return 1; }',
      errors: [{ messageId: "noAssertion" }],
    },
    {
      code: 'import { equal } from "./math.js"; it("not an assertion module", () => { equal(1, 1); });',
      errors: [{ messageId: "noAssertion" }],
    },
    // A variable that happens to be called `then` is no Gherkin step.
    {
      code: 'const then = Date.now(); test("elapsed", () => { report(then); });',
      errors: [{ messageId: "noAssertion" }],
    },
    {
      code: 'test("steps", ({ given, when }) => { given("a user", () => {}); when("it posts", () => {}); });',
      errors: [{ messageId: "noAssertion" }],
    },
  ],
});

describe("test-without-assertion options", () => {
  it("passes a valid pattern through to the rule", () => {
    expect(testWithoutAssertionCheck.ruleOptions?.({ assertFunctionPattern: "^check" })).toEqual([
      { assertFunctionPattern: "^check" },
    ]);
    expect(testWithoutAssertionCheck.ruleOptions?.({})).toEqual([{ assertFunctionPattern: "^(expect|assert)" }]);
  });

  it("rejects a pattern that is not a regular expression, naming the property", () => {
    expect(() => testWithoutAssertionCheck.ruleOptions?.({ assertFunctionPattern: "(" })).toThrow(ValidationError);
    expect(() => testWithoutAssertionCheck.ruleOptions?.({ assertFunctionPattern: "(" })).toThrow(
      /assertFunctionPattern: expected a valid regular expression/,
    );
  });
});
