import { describe, expect, it } from "vitest";
import { complexityCheck } from "../../../src/checks/clean-code/complexity.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = complexityCheck.ruleOptions?.({ max: 3 }) ?? [];
const branchy =
  "function grade(n) { if (n > 90) return 'A'; if (n > 80) return 'B'; if (n > 70) return 'C'; return 'D'; }";

ruleTester.run("complexity", complexityCheck.rule, {
  valid: [
    { code: "function grade(n) { if (n > 90) return 'A'; return 'B'; }", options },
    { code: "const pick = (a) => a ? 1 : 2;", options },
  ],
  invalid: [
    {
      code: branchy,
      options,
      errors: [{ messageId: "complex", data: { name: "Function 'grade'", complexity: 4, max: 3 } }],
    },
    {
      code: "const f = (a, b, c) => { if (a) { return 1; } else if (b) { return 2; } else if (c) { return 3; } return 4; };",
      options,
      errors: [{ messageId: "complex" }],
    },
  ],
});

const eslintMessage = (count: number, max = 10) =>
  `Function 'step2' has a complexity of ${count}. Maximum allowed is ${max}.`;

describe("complexity check", () => {
  it("reports over 10 by default, and reads both thresholds from the rubric", () => {
    expect(complexityCheck.ruleOptions?.({})).toEqual([{ max: 10 }]);
    expect(complexityCheck.ruleOptions?.({ max: 6 })).toEqual([{ max: 6 }]);
    expect(complexityCheck.ruleOptions?.({ informativeAbove: 8, max: 20 })).toEqual([{ max: 8 }]);
    expect(() => complexityCheck.ruleOptions?.({ max: "high" })).toThrow(/max/);
    expect(() => complexityCheck.ruleOptions?.({ informativeAbove: 0 })).toThrow(/informativeAbove/);
  });

  it("is informative over 10 and at the rubric's level over 15", () => {
    const levelOf = (count: number, options: Record<string, unknown> = {}) =>
      complexityCheck.levelOf?.({ messageId: "complex", message: eslintMessage(count) }, options);
    expect(levelOf(11)).toBe("informative");
    expect(levelOf(15)).toBe("informative");
    // the digit in the function's name is not the count
    expect(levelOf(16)).toBeUndefined();
    expect(levelOf(41)).toBeUndefined();
    expect(levelOf(16, { informativeAbove: 10, max: 20 })).toBe("informative");
    expect(levelOf(21, { informativeAbove: 10, max: 20 })).toBeUndefined();
    // one threshold again when the first is not below max (a rubric that sets only `max: 6`)
    expect(levelOf(7, { max: 6 })).toBeUndefined();
  });

  it("tells a learner what to do, then why", () => {
    const message = complexityCheck.learnerMessage?.({
      messageId: "complex",
      message: "Method 'save' has a complexity of 12. Maximum allowed is 10.",
    });
    expect(message).toBe(
      "Split method `save` into smaller functions, or return early, so it has at most 10 paths through it (it has 12 now). " +
        "Every branch is one more case to keep in your head and one more case to test.",
    );
    expect(
      complexityCheck.learnerMessage?.({ message: "Arrow function has a complexity of 11. Maximum allowed is 10." }),
    ).toMatch(/^Split this arrow function/);
  });
});
