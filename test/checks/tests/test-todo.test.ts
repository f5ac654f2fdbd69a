import { describe, expect, it } from "vitest";
import { testTodoCheck } from "../../../src/checks/tests/test-todo.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("test-todo", testTodoCheck.rule, {
  valid: [
    'it("runs", () => { expect(1).toBe(1); });',
    'test("node", { todo: false }, () => {});',
    'describe("tasks", () => {});',
    'xit("skipped, reported by test-skipped");',
  ],
  invalid: [
    { code: 'it.todo("rejects an empty title");', errors: [{ messageId: "todo" }] },
    { code: 'test.todo("rejects an empty title");', errors: [{ messageId: "todo" }] },
    { code: 'test("rejects an empty title", { todo: true }, () => {});', errors: [{ messageId: "todo" }] },
    { code: 'it("rejects an empty title");', errors: [{ messageId: "todo" }] },
  ],
});

describe("test-todo check", () => {
  it("is informative, not a fault", () => {
    expect(testTodoCheck.defaultLevel).toBe("informative");
  });
});
