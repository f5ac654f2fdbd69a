import { describe, expect, it } from "vitest";
import { noVarCheck } from "../../../src/checks/clean-code/no-var.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("no-var", noVarCheck.rule, {
  valid: [
    "const limit = 10;",
    "let count = 0; count += 1;",
    // Global declarations need `var`: `let` there does not compile.
    "declare global {\n  var prisma: PrismaClient | undefined;\n}\nexport {};",
    "declare var __APP_VERSION__: string;",
    "declare module 'express' { var legacy: number; }",
    // The learner switched the rule off for this line.
    "// eslint-disable-next-line no-var\nvar legacy = require('legacy');",
  ],
  invalid: [
    { code: "var limit = 10;", output: "let limit = 10;", errors: [{ messageId: "unexpectedVar" }] },
    {
      code: "declare global { interface Window { x: number } }\nvar limit = 10;",
      output: "declare global { interface Window { x: number } }\nlet limit = 10;",
      errors: [{ messageId: "unexpectedVar", line: 2 }],
    },
    {
      code: "// eslint-disable-next-line no-console\nvar limit = 10;",
      output: "// eslint-disable-next-line no-console\nlet limit = 10;",
      errors: [{ messageId: "unexpectedVar", line: 2 }],
    },
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
