import { describe, expect, it } from "vitest";
import { noVarCheck } from "../../../src/checks/clean-code/no-var.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("no-var", noVarCheck.rule, {
  valid: ["const limit = 10;", "let count = 0; count += 1;"],
  invalid: [
    { code: "var limit = 10;", output: "let limit = 10;", errors: [{ messageId: "unexpectedVar" }] },
    { code: "for (var i = 0; i < 3; i++) { setTimeout(() => log(i)); }", output: null, errors: [{ messageId: "unexpectedVar" }] },
  ],
});

describe("no-var check", () => {
  it("tells a learner what to do, then why", () => {
    const message = noVarCheck.learnerMessage?.({ messageId: "unexpectedVar", message: "Unexpected var, use let or const instead." }) ?? "";
    expect(message).toMatch(/^Declare this with `const`/);
    expect(message).toContain("leak out of loops");
  });
});
