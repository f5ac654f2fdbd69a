import { describe, expect, it } from "vitest";
import { consoleLogCheck } from "../../../src/checks/clean-code/console-log.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = consoleLogCheck.ruleOptions?.({}) ?? [];

ruleTester.run("console-log", consoleLogCheck.rule, {
  valid: [
    { code: "console.error('could not connect', error);", options },
    { code: "console.warn('deprecated');", options },
    { code: "logger.info({ id }, 'task created');", options },
    // The line a server prints once it listens, or in the block that runs when the file is started directly.
    { code: "app.listen(port, () => {\n  console.log(`listening on ${port}`);\n});", options },
    { code: "server.listen(3000, function () { console.info('ready'); });", options },
    { code: "if (!module.parent) {\n  app.listen(3000);\n  console.log('started on port 3000');\n}", options },
    { code: "if (require.main === module) console.log('started');", options },
  ],
  invalid: [
    {
      code: "function create(task) {\n  console.log(task);\n  return save(task);\n}",
      options,
      errors: [
        {
          messageId: "limited",
          suggestions: [{ messageId: "removeConsole", output: "function create(task) {\n  \n  return save(task);\n}" }],
        },
      ],
    },
    {
      code: "app.get('/', (req, res) => {\n  console.log(req.body);\n  res.send('ok');\n});\napp.listen(3000);",
      options,
      errors: [
        {
          messageId: "limited",
          line: 2,
          suggestions: [
            {
              messageId: "removeConsole",
              output: "app.get('/', (req, res) => {\n  \n  res.send('ok');\n});\napp.listen(3000);",
            },
          ],
        },
      ],
    },
    { code: "if (module.parent) console.log('imported');", options, errors: [{ messageId: "limited" }] },
    {
      code: "console.info('hi');",
      options: consoleLogCheck.ruleOptions?.({ allow: ["error"] }) ?? [],
      errors: [{ messageId: "limited", suggestions: [{ messageId: "removeConsole", output: "" }] }],
    },
  ],
});

describe("console-log check", () => {
  it("applies to application code, not tests, scripts or entry points", () => {
    expect(consoleLogCheck.appliesTo?.("src/routes/tasks.ts")).toBe(true);
    expect(consoleLogCheck.appliesTo?.("src/tasks.test.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("scripts/seed.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/server.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("bin/cli.js")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("prisma/seed.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("database/migrate.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/seeds/users.ts")).toBe(false);
    expect(consoleLogCheck.appliesTo?.("src/services/seed-sizes.ts")).toBe(true);
  });

  it("reads allowed methods from the rubric", () => {
    expect(consoleLogCheck.ruleOptions?.({})).toEqual([{ allow: ["warn", "error"] }]);
    expect(() => consoleLogCheck.ruleOptions?.({ allow: "error" })).toThrow(/allow/);
  });

  it("tells a learner what to do, then why", () => {
    expect(
      consoleLogCheck.learnerMessage?.({ messageId: "limited", message: "Unexpected console statement." }),
    ).toMatch(/^Remove this `console` call/);
  });
});
