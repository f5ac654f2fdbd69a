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

describe("complexity check", () => {
  it("defaults to 10 and reads max from the rubric", () => {
    expect(complexityCheck.ruleOptions?.({})).toEqual([{ max: 10 }]);
    expect(complexityCheck.ruleOptions?.({ max: 6 })).toEqual([{ max: 6 }]);
    expect(() => complexityCheck.ruleOptions?.({ max: "high" })).toThrow(/max/);
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
