import { describe, expect, it } from "vitest";
import { isApplicationCode } from "../../../src/checks/shared/is-application-code.js";
import { isCliEntryPoint } from "../../../src/checks/shared/is-cli-entry-point.js";
import { isTestFile } from "../../../src/checks/shared/is-test-file.js";
import { moduleShape } from "../../../src/checks/shared/module-shape.js";
import { moduleStem, testNameMatches } from "../../../src/checks/shared/test-name-matches.js";

describe("isTestFile", () => {
  it.each([
    "src/a.test.ts",
    "src/a.spec.js",
    "src/__tests__/a.ts",
    "test/a.ts",
    "tests/helpers/app.mjs",
    "test/a.e2e-spec.ts",
    "lib/user-test.js",
    "src/app_spec.ts",
    "src/app.int.ts",
    "blog/test.js",
    "test.ts",
    "api/tests.js",
  ])("%s is a test", (path) => {
    expect(isTestFile(path)).toBe(true);
  });
  it.each([
    "src/a.ts",
    "src/testing.ts",
    "src/contest/a.ts",
    "src/latest.ts",
    "src/protest.js",
    "test/fixtures.json",
    "README.md",
  ])("%s is not a test", (path) => {
    expect(isTestFile(path)).toBe(false);
  });
});

describe("isApplicationCode", () => {
  it.each(["src/app.ts", "lib/db.js", "src/routes/tasks.mjs", "index.js"])("%s is application code", (path) => {
    expect(isApplicationCode(path)).toBe(true);
  });
  it.each([
    "src/app.test.ts",
    "vitest.config.ts",
    ".eslintrc.cjs",
    "knexfile.js",
    "migrations/001.js",
    "db/migrations/1.ts",
    "scripts/seed.ts",
    "src/types.d.ts",
    "dist/app.js",
    "src/style.css",
  ])("%s is not application code", (path) => {
    expect(isApplicationCode(path)).toBe(false);
  });
});

describe("isCliEntryPoint", () => {
  it("recognises entry points and CLI folders", () => {
    expect(isCliEntryPoint("src/server.ts")).toBe(true);
    expect(isCliEntryPoint("bin/apprentice.js")).toBe(true);
    expect(isCliEntryPoint("src/cli/review.ts")).toBe(true);
    expect(isCliEntryPoint("src/services/server-status.ts")).toBe(false);
  });
});

describe("moduleShape", () => {
  const behaviour = (content: string) => moduleShape(content, "a.ts").behaviour;
  const exports = (content: string) => moduleShape(content, "a.js").exports;

  it("finds no behaviour in types, barrels and constants", () => {
    expect(behaviour("export interface A { a: number }\nexport type B = A;")).toBe(false);
    expect(behaviour('export * from "./a.js";\nimport type { X } from "./x.js";')).toBe(false);
    expect(behaviour("export const LIMIT = 20;\nexport const NAMES = ['a'];")).toBe(false);
    expect(behaviour("declare module 'x' { export function f(): void; }")).toBe(false);
  });

  it("finds behaviour in functions, classes and calls", () => {
    expect(behaviour("export const f = () => 1;")).toBe(true);
    expect(behaviour("export class Repo {}")).toBe(true);
    expect(behaviour("export const app = express();")).toBe(true);
  });

  it("finds ESM and CommonJS exports, and none in entry scripts", () => {
    expect(exports("export function f() {}")).toBe(true);
    expect(exports("const f = 1; export { f };")).toBe(true);
    expect(exports("export default function () {}")).toBe(true);
    expect(exports("module.exports = router;")).toBe(true);
    expect(exports("exports.handler = async () => {};")).toBe(true);
    expect(exports('import { createApp } from "./app.js";\ncreateApp().listen(3000);')).toBe(false);
    expect(exports("const exportsCount = 1; run(exportsCount);")).toBe(false);
  });
});

describe("name matching", () => {
  it("names index modules after their folder", () => {
    expect(moduleStem("src/tasks/index.ts")).toBe("tasks");
    expect(moduleStem("src/tasks/repo.ts")).toBe("repo");
  });
  it("matches co-located, __tests__ and test-folder tests", () => {
    expect(testNameMatches("src/tasks.ts", "src/tasks.test.ts")).toBe(true);
    expect(testNameMatches("src/tasks.ts", "src/__tests__/tasks.ts")).toBe(true);
    expect(testNameMatches("lib/tasks.js", "lib/tasks-test.js")).toBe(true);
    expect(testNameMatches("src/tasks.ts", "test/unit/tasksRepo.test.ts")).toBe(true);
    expect(testNameMatches("src/db.ts", "test/dbx.test.ts")).toBe(false);
    expect(testNameMatches("src/tasks.ts", "src/tasksx.test.ts")).toBe(false);
  });
});
