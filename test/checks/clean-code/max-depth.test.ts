import { describe, expect, it } from "vitest";
import { maxDepthCheck } from "../../../src/checks/clean-code/max-depth.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = maxDepthCheck.ruleOptions?.({ max: 2 }) ?? [];

ruleTester.run("max-depth", maxDepthCheck.rule, {
  valid: [
    { code: "function f(xs) { for (const x of xs) { if (x) { use(x); } } }", options },
    { code: "function f(x) { if (!x) return; use(x); }", options },
  ],
  invalid: [
    {
      code: "function f(xs) { for (const x of xs) { if (x) { while (x.next) { x = x.next; } } } }",
      options,
      errors: [{ messageId: "tooDeeply", data: { depth: 3, maxDepth: 2 } }],
    },
  ],
});

describe("max-depth check", () => {
  it("defaults to 4", () => {
    expect(maxDepthCheck.ruleOptions?.({})).toEqual([{ max: 4 }]);
  });

  it("tells a learner what to do, then why", () => {
    const message =
      maxDepthCheck.learnerMessage?.({ message: "Blocks are nested too deeply (5). Maximum allowed is 4." }) ?? "";
    expect(message).toMatch(/^Flatten this block/);
    expect(message).toContain("at most 4 levels deep (this one is 5)");
    expect(message).not.toMatch(/\b(just|simply)\b/i);
  });
});
