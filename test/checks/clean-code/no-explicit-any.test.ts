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
  it("leaves declaration files for untyped libraries alone, and checks every other TypeScript file", () => {
    expect(noExplicitAnyCheck.appliesTo?.("src/types/legacy-sdk.d.ts")).toBe(false);
    expect(noExplicitAnyCheck.appliesTo?.("src/types/legacy-sdk.d.mts")).toBe(false);
    expect(noExplicitAnyCheck.appliesTo?.("src/routes/tasks.ts")).toBe(true);
    expect(noExplicitAnyCheck.appliesTo?.("src/d.ts-helpers.ts")).toBe(true);
  });

  it("tells a learner what to do, then why", () => {
    const message =
      noExplicitAnyCheck.learnerMessage?.({
        messageId: "unexpectedAny",
        message: "Unexpected any. Specify a different type.",
      }) ?? "";
    expect(message).toMatch(/^Replace `any` with the real type/);
    expect(message).toContain("turns off type checking");
  });
});
