import { describe, expect, it } from "vitest";
import { longFunctionCheck } from "../../../src/checks/clean-code/long-function.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = longFunctionCheck.ruleOptions?.({ max: 5 }) ?? [];
const body = (lines: number) => Array.from({ length: lines }, (_, index) => `  const v${index} = ${index};`).join("\n");

ruleTester.run("long-function", longFunctionCheck.rule, {
  valid: [
    { code: `function short() {\n${body(3)}\n}`, options },
    // blank lines and comments do not count
    { code: `function spaced() {\n  // one\n\n  // two\n\n${body(3)}\n}`, options },
  ],
  invalid: [
    {
      code: `function long() {\n${body(6)}\n}`,
      options,
      errors: [{ messageId: "exceed", data: { name: "Function 'long'", lineCount: 8, maxLines: 5 } }],
    },
  ],
});

describe("long-function check", () => {
  it("defaults to 50 lines, skipping blanks and comments", () => {
    expect(longFunctionCheck.ruleOptions?.({})).toEqual([
      { max: 50, skipBlankLines: true, skipComments: true, IIFEs: false },
    ]);
  });

  it("leaves test files alone, where describe blocks are long by nature", () => {
    expect(longFunctionCheck.appliesTo?.("src/tasks/service.ts")).toBe(true);
    expect(longFunctionCheck.appliesTo?.("test/tasks.test.ts")).toBe(false);
  });

  it("tells a learner what to do, then why", () => {
    const message =
      longFunctionCheck.learnerMessage?.({
        message: "Function 'handler' has too many lines (80). Maximum allowed is 50.",
      }) ?? "";
    expect(message).toMatch(/^Break function `handler` into smaller functions/);
    expect(message).toContain("under 50 lines (it has 80)");
  });
});
