import { describe, expect, it } from "vitest";
import { noVarCheck } from "../../../src/checks/clean-code/no-var.js";
import { ruleTester } from "../../helpers/rule-tester.js";

/** The engine's project files as a rule sees them: other JavaScript files of the project, declaring with `keyword`. */
function projectDeclaringWith(keyword: string) {
  const file = (name: string) =>
    Array.from({ length: 20 }, (_, i) => `${keyword} ${name}${i} = require('m${i}');`).join("\n");
  return {
    apprenticeProject: {
      contents: new Map([
        ["examples/cookies/index.js", file("a")],
        ["examples/auth/index.js", file("b")],
        ["examples/params/index.js", file("c")],
      ]),
      reviewed: new Set<string>(),
    },
  };
}
const smallModernVarFile =
  "var express = require('express');\nvar app = express();\napp.get('/', async (req, res) => res.send(await load()));";

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
    // A JavaScript file in ES5 style throughout (no let/const, arrows, classes, templates, modules): one style, on purpose.
    {
      code: "var express = require('express');\nvar app = express();\napp.get('/', function (req, res) {\n  var name = req.query.name || 'you';\n  res.send('hi ' + name);\n});",
      filename: "examples/hello.js",
    },
    // A var-style file with a few newer lines (a long-lived library): its style is still `var`.
    {
      code: `${Array.from({ length: 9 }, (_, i) => `var v${i} = require('m${i}');`).join("\n")}\nconst { Buffer } = require('node:buffer');\nvar s = \`\${v0}\`;`,
      filename: "lib/response.js",
    },
    // A short file of a var-style project follows the project's convention.
    { code: smallModernVarFile, filename: "examples/search/index.js", settings: projectDeclaringWith("var") },
  ],
  invalid: [
    // The same file in a project that declares with const: the `var` is the odd one out.
    {
      code: smallModernVarFile,
      filename: "examples/search/index.js",
      settings: projectDeclaringWith("const"),
      output:
        "let express = require('express');\nlet app = express();\napp.get('/', async (req, res) => res.send(await load()));",
      errors: [{ messageId: "unexpectedVar" }, { messageId: "unexpectedVar" }],
    },
    {
      code: "var limit = 10;",
      filename: "src/limits.ts",
      output: "let limit = 10;",
      errors: [{ messageId: "unexpectedVar" }],
    },
    // One modern line makes the file modern: the `var` is the odd one out.
    {
      code: "const app = express();\nvar port = 3000;",
      filename: "src/app.js",
      output: "const app = express();\nlet port = 3000;",
      errors: [{ messageId: "unexpectedVar", line: 2 }],
    },
    {
      code: `${Array.from({ length: 6 }, (_, i) => `const c${i} = ${i};`).join("\n")}\n${Array.from({ length: 6 }, (_, i) => `var v${i} = ${i};`).join("\n")}`,
      filename: "src/mixed.js",
      output: `${Array.from({ length: 6 }, (_, i) => `const c${i} = ${i};`).join("\n")}\n${Array.from({ length: 6 }, (_, i) => `let v${i} = ${i};`).join("\n")}`,
      errors: Array.from({ length: 6 }, () => ({ messageId: "unexpectedVar" })),
    },
    {
      code: "var app = express();\napp.get('/', (req, res) => res.send('hi'));",
      filename: "src/app.js",
      output: "let app = express();\napp.get('/', (req, res) => res.send('hi'));",
      errors: [{ messageId: "unexpectedVar" }],
    },
    {
      code: "declare global { interface Window { x: number } }\nvar limit = 10;",
      output: "declare global { interface Window { x: number } }\nlet limit = 10;",
      errors: [{ messageId: "unexpectedVar", line: 2 }],
    },
    {
      code: "// eslint-disable-next-line no-console\nvar limit = 10;",
      filename: "src/limits.ts",
      output: "// eslint-disable-next-line no-console\nlet limit = 10;",
      errors: [{ messageId: "unexpectedVar", line: 2 }],
    },
    {
      code: "for (var i = 0; i < 3; i++) { setTimeout(() => log(i)); }",
      output: null,
      errors: [{ messageId: "unexpectedVar" }],
    },
  ],
});

describe("no-var check", () => {
  it("tells a learner what to do, then why", () => {
    const message =
      noVarCheck.learnerMessage?.({
        messageId: "unexpectedVar",
        message: "Unexpected var, use let or const instead.",
      }) ?? "";
    expect(message).toMatch(/^Declare this with `const`/);
    expect(message).toContain("leak out of loops");
  });
});
