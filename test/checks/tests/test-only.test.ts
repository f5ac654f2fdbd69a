import { describe, expect, it } from "vitest";
import { testOnlyCheck } from "../../../src/checks/tests/test-only.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("test-only", testOnlyCheck.rule, {
  valid: [
    'it("adds a task", () => { expect(add()).toBe(1); });',
    'describe("tasks", () => { test("lists", () => {}); });',
    'test.each([1, 2])("works for %i", (n) => { expect(n).toBeTruthy(); });',
    "const only = list.only(1);",
    'test("node", { skip: false }, () => {});',
  ],
  invalid: [
    {
      code: 'it.only("adds a task", () => {});',
      output: 'it("adds a task", () => {});',
      errors: [{ messageId: "only" }],
    },
    {
      code: 'describe.only("tasks", () => {});',
      output: 'describe("tasks", () => {});',
      errors: [{ messageId: "only" }],
    },
    {
      code: 'test.only.each([1])("n %i", () => {});',
      output: 'test.each([1])("n %i", () => {});',
      errors: [{ messageId: "only" }],
    },
    { code: 'fit("focused", () => {});', output: 'it("focused", () => {});', errors: [{ messageId: "focused" }] },
    {
      code: 'fdescribe("focused", () => {});',
      output: 'describe("focused", () => {});',
      errors: [{ messageId: "focused" }],
    },
    { code: 'test("node", { only: true }, () => {});', errors: [{ messageId: "onlyOption" }] },
  ],
});

describe("test-only check", () => {
  it("lints test files only", () => {
    expect(testOnlyCheck.appliesTo?.("test/tasks.test.ts")).toBe(true);
    expect(testOnlyCheck.appliesTo?.("src/tasks.ts")).toBe(false);
  });
});
