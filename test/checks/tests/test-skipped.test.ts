import { describe, expect, it } from "vitest";
import { testSkippedCheck } from "../../../src/checks/tests/test-skipped.js";
import { ruleTester } from "../../helpers/rule-tester.js";

ruleTester.run("test-skipped", testSkippedCheck.rule, {
  valid: [
    'it("runs", () => { expect(1).toBe(1); });',
    'it.skipIf(process.platform === "win32")("posix only", () => {});',
    'test("node", { skip: false }, () => {});',
    "const skip = items.skip(2);",
    // Playwright's runtime skips: a condition first, then the reason.
    'test("upload", async ({ page, browserName }) => { test.skip(browserName === "webkit", "no file chooser"); });',
    'test.skip(({ browserName }) => browserName === "firefox", "flaky drag and drop");',
    'if (process.env.OFFLINE) { test.skip(true, "needs the live API"); }',
    'test("admin", async () => { if (!process.env.ADMIN_URL) test.skip(); });',
  ],
  invalid: [
    { code: 'it.skip("later", () => {});', errors: [{ messageId: "skipped", data: { what: "test", how: "it.skip" } }] },
    {
      code: 'describe.skip("tasks", () => {});',
      errors: [{ messageId: "skipped", data: { what: "group of tests", how: "describe.skip" } }],
    },
    { code: 'xit("later", () => {});', errors: [{ messageId: "skipped", data: { what: "test", how: "xit" } }] },
    {
      code: 'xdescribe("tasks", () => {});',
      errors: [{ messageId: "skipped", data: { what: "group of tests", how: "xdescribe" } }],
    },
    { code: 'test.skip.each([1])("n %i", () => {});', errors: [{ messageId: "skipped" }] },
    { code: "test.skip(true);", errors: [{ messageId: "skipped" }] },
    { code: "test.skip(`title ${n}`, async () => {});", errors: [{ messageId: "skipped" }] },
    {
      code: 'test("flaky", { skip: "fails on CI" }, () => {});',
      errors: [{ messageId: "skipped", data: { what: "test", how: "{ skip }" } }],
    },
  ],
});

describe("test-skipped check", () => {
  it("lints test files only", () => {
    expect(testSkippedCheck.appliesTo?.("src/__tests__/tasks.ts")).toBe(true);
    expect(testSkippedCheck.appliesTo?.("src/tasks.ts")).toBe(false);
  });
});
