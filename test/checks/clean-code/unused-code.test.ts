import { describe, expect, it } from "vitest";
import { unusedCodeCheck } from "../../../src/checks/clean-code/unused-code.js";
import { ruleTester } from "../../helpers/rule-tester.js";

const options = unusedCodeCheck.ruleOptions?.({}) ?? [];

ruleTester.run("unused-code", unusedCodeCheck.rule, {
  valid: [
    { code: "export function add(a, b) { return a + b; }", options },
    { code: "export const handler = (_req, res) => res.send('ok');", options },
    { code: "const { password, ...safe } = user; export { safe };", options },
    { code: "try { run(); } catch (error) { retry(); }", options },
    // Express tells an error handler by its four parameters: `next` must stay even when unused.
    { code: "app.use((err, req, res, next) => { res.status(500).json({ error: err.message }); });", options },
    {
      code: "export function errorHandler(err: Error, req: Request, res: Response, next: NextFunction) { res.sendStatus(500); }",
      options,
    },
    // A method's parameters follow the signature its siblings share and callers dispatch by name.
    { code: "export class Reader { handleData(msg, connection) { this.buffer.push(msg); } }", options },
    {
      code: "export class Store implements Cache { get(key: string, fallback: string): string { return key; } }",
      options,
    },
    // A declaration file describes a module: nothing in it runs.
    { code: "declare const STARTING = 0; export declare function start(): void;", options, filename: "types/lib.d.ts" },
    // A mock implementation or a test callback takes the arguments its framework passes.
    { code: "mock.mockImplementation((value, hash) => value === 'ok');", options, filename: "test/auth.test.ts" },
    { code: "it('starts', async (t) => { await start(); });", options, filename: "test/app.test.ts" },
    // The learner's own eslint-disable comments (the typescript-eslint name is tested through the engine below).
    { code: "/* eslint-disable no-unused-vars */\nconst a = 1;\nconst b = 2;", options },
  ],
  invalid: [
    {
      code: "const unused = 1; export const used = 2;",
      options,
      // the initializer might have side effects, so no removal is suggested
      errors: [{ messageId: "unusedVar", suggestions: [] }],
    },
    {
      code: "import { readFile } from 'node:fs'; export const x = 1;",
      options,
      errors: [
        {
          messageId: "unusedVar",
          suggestions: [{ messageId: "removeUnusedImportDeclaration", output: " export const x = 1;" }],
        },
      ],
    },
    { code: "export function f(a, b) { return a; }", options, errors: [{ messageId: "unusedVar" }] },
    { code: "function helper() {} export const x = 1;", options, errors: [{ messageId: "unusedVar" }] },
    // Three parameters is ordinary middleware: an unused trailing one can go.
    { code: "app.use((req, res, next) => { res.end(); });", options, errors: [{ messageId: "unusedVar" }] },
    // Outside a test file, an unused trailing parameter of a plain function is still reported, and so is an
    // unused variable inside a method or in a test file.
    {
      code: "mock.mockImplementation((value, hash) => value === 'ok');",
      options,
      filename: "src/auth.ts",
      errors: [{ messageId: "unusedVar" }],
    },
    {
      code: "export class Reader { handle(msg) { const copy = msg; return 1; } }",
      options,
      errors: [{ messageId: "unusedVar" }],
    },
    {
      code: "import nock from 'nock'; it('runs', () => { expect(1).toBe(1); });",
      options,
      filename: "test/app.test.ts",
      errors: [
        {
          messageId: "unusedVar",
          suggestions: [
            { messageId: "removeUnusedImportDeclaration", output: " it('runs', () => { expect(1).toBe(1); });" },
          ],
        },
      ],
    },
    {
      code: "// eslint-disable-next-line no-var\nconst legacy = 1;",
      options,
      errors: [{ messageId: "unusedVar", line: 2 }],
    },
  ],
});

describe("unused-code check", () => {
  it("tells a learner what to do, then why", () => {
    expect(
      unusedCodeCheck.learnerMessage?.({
        messageId: "unusedVar",
        message: "'total' is assigned a value but never used. Allowed unused vars must match /^_/u.",
      }),
    ).toBe(
      "Remove `total`, or use it if you meant to: it gets a value that nothing reads. " +
        "Unused code makes the next reader wonder what it is for; if it is a parameter you must accept, start its name with `_`.",
    );
    expect(
      unusedCodeCheck.learnerMessage?.({
        messageId: "usedOnlyAsType",
        message: "'Task' is defined but only used as a type.",
      }),
    ).toMatch(/^Import `Task` with `import type`/);
  });
});
