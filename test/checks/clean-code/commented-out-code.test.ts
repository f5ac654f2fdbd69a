import { describe, expect, it } from "vitest";
import { commentedOutCodeCheck } from "../../../src/checks/clean-code/commented-out-code.js";
import { looksLikeCode } from "../../../src/checks/clean-code/looks-like-code.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("commented-out-code", commentedOutCodeCheck.rule, {
  valid: [
    "// Returns the task, or undefined when it does not exist.\nexport const f = 1;",
    "/**\n * Creates a task.\n * @example createTask({ title: 'x' })\n */\nexport function createTask() {}",
    "// eslint-disable-next-line no-console\nconsole.log(1);",
    "// @ts-expect-error the library types are wrong\nrun();",
    "// See https://expressjs.com/en/guide/routing.html\nrun();",
    "// TODO: add(pagination);\nrun();",
    "// Note: this runs before auth.\nrun();",
    "// done\nrun();",
    "/*! license: MIT */\nrun();",
    "// Step 1 (validate), step 2 (save).\nrun();",
  ],
  invalid: [
    {
      code: "run();\n// console.log(task);\nsave();",
      errors: [
        { messageId: "commentedOut", line: 2, suggestions: [{ messageId: "remove", output: "run();\n\nsave();" }] },
      ],
    },
    {
      code: "// const total = items.reduce((sum, i) => sum + i, 0);\n// return total;\nexport {};",
      errors: [
        {
          messageId: "commentedOut",
          line: 1,
          endLine: 2,
          suggestions: [{ messageId: "remove", output: "\nexport {};" }],
        },
      ],
    },
    {
      code: "/* if (user.isAdmin) {\n  grant(user);\n} */\nrun();",
      errors: [{ messageId: "commentedOut", suggestions: [{ messageId: "remove", output: "\nrun();" }] }],
    },
    {
      code: "save(); // await cache.clear();",
      errors: [{ messageId: "commentedOut", suggestions: [{ messageId: "remove", output: "save(); " }] }],
    },
    {
      code: "// old version:\n// const rows = await db.query(sql);\nrun();",
      errors: [{ messageId: "commentedOut", suggestions: [{ messageId: "remove", output: "\nrun();" }] }],
    },
  ],
});

describe("looksLikeCode", () => {
  it("accepts code, TypeScript included", () => {
    expect(looksLikeCode(["const x: number = compute();"])).toBe(true);
    expect(looksLikeCode(["app.get('/tasks', list);"])).toBe(true);
  });

  it("rejects prose, single words, labels and directives", () => {
    expect(looksLikeCode(["This handler answers 404 (not found) for unknown ids."])).toBe(false);
    expect(looksLikeCode(["deprecated"])).toBe(false);
    expect(looksLikeCode(["Example: run(1)"])).toBe(false);
    expect(looksLikeCode(["eslint-disable-next-line no-console"])).toBe(false);
    expect(looksLikeCode(["(optional)"])).toBe(false);
  });
});

describe("looksLikeCode on tricky prose", () => {
  it.each([
    ["a triple-slash reference", '/ <reference types="node" />'],
    ["a parenthesised aside", "(see the README for details)"],
    ["a sentence with a colon and a call", "Usage: run(options)"],
    ["an arrow in prose", "input => output, roughly"],
    ["a list item", "- user (required)"],
    ["a numbered step", "2. save(task) in one transaction"],
  ])("rejects %s", (_, line) => {
    expect(looksLikeCode([line])).toBe(false);
  });

  it.each([
    ["a top-level return", "return total;"],
    ["an await", "await db.close();"],
    ["a typed declaration", "let cache: Map<string, Task> = new Map();"],
  ])("accepts %s", (_, line) => {
    expect(looksLikeCode([line])).toBe(true);
  });
});
