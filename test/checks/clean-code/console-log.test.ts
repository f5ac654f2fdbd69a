import { describe, expect, it } from "vitest";
import { consoleLogCheck } from "../../../src/checks/clean-code/console-log.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = consoleLogCheck.ruleOptions?.({}) ?? [];

ruleTester.run("console-log", consoleLogCheck.rule, {
  valid: [
    { code: "console.error('could not connect', error);", options },
    { code: "console.warn('deprecated');", options },
    { code: "logger.info({ id }, 'task created');", options },
  ],
  invalid: [
    {
      code: "function create(task) {\n  console.log(task);\n  return save(task);\n}",
      options,
      errors: [{ messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "function create(task) {\n  \n  return save(task);\n}" }] }],
    },
    { code: "console.info('hi');", options: consoleLogCheck.ruleOptions?.({ allow: ["error"] }) ?? [], errors: [{ messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "" }] }] },
  ],
});

describe("console-log check", () => {
  it("applies to application code, not tests, scripts or entry points", () => {
    expect(consoleLogCheck.appliesTo?.("src/routes/tasks.ts")).toBe(true);
    expect(consoleLogCheck.appliesTo?.("src/tasks.test.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("scripts/seed.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/server.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("bin/cli.js")).toBe(false);
  });

  it("reads allowed methods from the rubric", () => {
    expect(consoleLogCheck.ruleOptions?.({})).toEqual([{ allow: ["warn", "error"] }]);
    expect(() => consoleLogCheck.ruleOptions?.({ allow: "error" })).toThrow(/allow/);
  });

  it("tells a learner what to do, then why", () => {
    expect(consoleLogCheck.learnerMessage?.({ messageId: "limited", message: "Unexpected console statement." })).toMatch(/^Remove this `console` call/);
  });
});
