import { describe, expect, it } from "vitest";
import { maxParamsCheck } from "../../../src/checks/clean-code/max-params.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = maxParamsCheck.ruleOptions?.({ max: 3 }) ?? [];

ruleTester.run("max-params", maxParamsCheck.rule, {
  valid: [
    { code: "function create(title, due, owner) {}", options },
    { code: "function create({ title, due, owner, tags }) {}", options },
    { code: "function handler(this: void, a: number, b: number, c: number) {}", options },
  ],
  invalid: [
    {
      code: "function create(title, due, owner, tags) {}",
      options,
      errors: [{ messageId: "exceed", data: { name: "Function 'create'", count: 4, max: 3 } }],
    },
    { code: "const create = (a, b, c, d) => a;", options, errors: [{ messageId: "exceed" }] },
  ],
});

describe("max-params check", () => {
  it("defaults to 4", () => {
    expect(maxParamsCheck.ruleOptions?.({})).toEqual([{ max: 4, countVoidThis: false }]);
  });

  it("tells a learner what to do, then why", () => {
    const message =
      maxParamsCheck.learnerMessage?.({
        message: "Function 'createTask' has too many parameters (6). Maximum allowed is 4.",
      }) ?? "";
    expect(message).toMatch(/^Give function `createTask` at most 4 parameters \(it takes 6\)/);
    expect(message).toContain("wrong order");
  });
});
