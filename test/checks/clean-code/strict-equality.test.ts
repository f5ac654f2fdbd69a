import { describe, expect, it } from "vitest";
import { strictEqualityCheck } from "../../../src/checks/clean-code/strict-equality.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = strictEqualityCheck.ruleOptions?.({}) ?? [];

ruleTester.run("strict-equality", strictEqualityCheck.rule, {
  valid: [
    { code: "if (a === b) run();", options },
    { code: "if (a !== 1) run();", options },
    { code: "if (value == null) run();", options },
  ],
  invalid: [
    {
      code: 'if (typeof x == "string") run();',
      output: 'if (typeof x === "string") run();',
      options,
      errors: [{ messageId: "unexpected" }],
    },
    {
      code: "if (id == req.params.id) run();",
      options,
      errors: [
        {
          messageId: "unexpected",
          suggestions: [{ messageId: "replaceOperator", output: "if (id === req.params.id) run();" }],
        },
      ],
    },
    {
      code: "if (count != 0) run();",
      options,
      errors: [
        { messageId: "unexpected", suggestions: [{ messageId: "replaceOperator", output: "if (count !== 0) run();" }] },
      ],
    },
  ],
});

describe("strict-equality check", () => {
  it("tells a learner what to do, then why", () => {
    const message =
      strictEqualityCheck.learnerMessage?.({
        messageId: "unexpected",
        message: "Expected '!==' and instead saw '!='.",
      }) ?? "";
    expect(message).toMatch(/^Use `!==` instead of `!=`\./);
    expect(message).toContain('"1" == 1');
  });
});
