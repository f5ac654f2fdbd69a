import { describe, expect, it } from "vitest";
import { noExplicitAnyCheck } from "../../../src/checks/clean-code/no-explicit-any.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = noExplicitAnyCheck.ruleOptions?.({}) ?? [];

ruleTester.run("no-explicit-any", noExplicitAnyCheck.rule, {
  valid: [
    { code: "function parse(body: unknown): Task { return schema.parse(body); }", options },
    { code: "const list: Task[] = [];", options },
  ],
  invalid: [
    {
      code: "function parse(body: any) { return body; }",
      options,
      errors: [
        {
          messageId: "unexpectedAny",
          suggestions: [
            { messageId: "suggestUnknown", output: "function parse(body: unknown) { return body; }" },
            { messageId: "suggestNever", output: "function parse(body: never) { return body; }" },
          ],
        },
      ],
    },
  ],
});

describe("no-explicit-any check", () => {
  it("tells a learner what to do, then why", () => {
    const message = noExplicitAnyCheck.learnerMessage?.({ messageId: "unexpectedAny", message: "Unexpected any. Specify a different type." }) ?? "";
    expect(message).toMatch(/^Replace `any` with the real type/);
    expect(message).toContain("turns off type checking");
  });
});
