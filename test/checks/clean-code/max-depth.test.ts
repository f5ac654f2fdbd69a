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
    {
      // One function nesting too deeply in three places: one finding, at its deepest block.
      code: [
        "function f(xs) {",
        "  for (const x of xs) { if (x) { if (x.a) { a(); } } }",
        "  for (const x of xs) { if (x) { if (x.b) { if (x.c) { c(); } } } }",
        "  for (const x of xs) { if (x) { if (x.d) { d(); } } }",
        "}",
      ].join("\n"),
      options,
      errors: [{ messageId: "tooDeeply", line: 3, column: 45, data: { depth: 4, maxDepth: 2 } }],
    },
    {
      // Each function gets its own finding, a nested one included.
      code: [
        "function f(x) { if (x) { if (x.a) { if (x.b) { b(); } } } }",
        "function g(x) { if (x) { const h = () => { if (x.a) { if (x.b) { if (x.c) { c(); } } } }; if (x.d) { if (x.e) { e(); } } } }",
      ].join("\n"),
      options,
      errors: [
        { messageId: "tooDeeply", line: 1, data: { depth: 3, maxDepth: 2 } },
        { messageId: "tooDeeply", line: 2, column: 66, data: { depth: 3, maxDepth: 2 } },
        { messageId: "tooDeeply", line: 2, column: 102, data: { depth: 3, maxDepth: 2 } },
      ],
    },
  ],
});

describe("max-depth check", () => {
  it("reports over 4 by default, and reads both thresholds from the rubric", () => {
    expect(maxDepthCheck.ruleOptions?.({})).toEqual([{ max: 4 }]);
    expect(maxDepthCheck.ruleOptions?.({ informativeAbove: 3, max: 6 })).toEqual([{ max: 3 }]);
    expect(maxDepthCheck.ruleOptions?.({ max: 2 })).toEqual([{ max: 2 }]);
    expect(() => maxDepthCheck.ruleOptions?.({ informativeAbove: "deep" })).toThrow(/informativeAbove/);
  });

  it("is informative five levels deep and at the rubric's level from six", () => {
    const levelOf = (depth: number, options: Record<string, unknown> = {}) =>
      maxDepthCheck.levelOf?.({ message: `Blocks are nested too deeply (${depth}). Maximum allowed is 4.` }, options);
    expect(levelOf(5)).toBe("informative");
    expect(levelOf(6)).toBeUndefined();
    expect(levelOf(6, { max: 6 })).toBe("informative");
    expect(levelOf(5, { max: 4 })).toBeUndefined();
  });

  it("tells a learner what to do, then why", () => {
    const message =
      maxDepthCheck.learnerMessage?.({ message: "Blocks are nested too deeply (5). Maximum allowed is 4." }) ?? "";
    expect(message).toMatch(/^Flatten this block/);
    expect(message).toContain("at most 4 levels deep (this one is 5)");
    expect(message).not.toMatch(/\b(just|simply)\b/i);
  });
});
