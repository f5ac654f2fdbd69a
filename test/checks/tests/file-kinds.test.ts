import { describe, expect, it } from "vitest";
import { hasRuntimeBehaviour } from "../../../src/checks/shared/has-runtime-behaviour.js";
import { isApplicationCode } from "../../../src/checks/shared/is-application-code.js";
import { isCliEntryPoint } from "../../../src/checks/shared/is-cli-entry-point.js";
import { isTestFile } from "../../../src/checks/shared/is-test-file.js";
import { moduleStem, testNameMatches } from "../../../src/checks/shared/test-name-matches.js";

describe("isTestFile", () => {
  it.each(["src/a.test.ts", "src/a.spec.js", "src/__tests__/a.ts", "test/a.ts", "tests/helpers/app.mjs", "test/a.e2e-spec.ts"])("%s is a test", (path) => {
    expect(isTestFile(path)).toBe(true);
  });
  it.each(["src/a.ts", "src/testing.ts", "src/contest/a.ts", "test/fixtures.json", "README.md"])("%s is not a test", (path) => {
    expect(isTestFile(path)).toBe(false);
  });
});

describe("isApplicationCode", () => {
  it.each(["src/app.ts", "lib/db.js", "src/routes/tasks.mjs", "index.js"])("%s is application code", (path) => {
    expect(isApplicationCode(path)).toBe(true);
  });
  it.each(["src/app.test.ts", "vitest.config.ts", ".eslintrc.cjs", "knexfile.js", "migrations/001.js", "db/migrations/1.ts", "scripts/seed.ts", "src/types.d.ts", "dist/app.js", "src/style.css"])(
    "%s is not application code",
    (path) => {
      expect(isApplicationCode(path)).toBe(false);
    },
  );
});

describe("isCliEntryPoint", () => {
  it("recognises entry points and CLI folders", () => {
    expect(isCliEntryPoint("src/server.ts")).toBe(true);
    expect(isCliEntryPoint("bin/apprentice.js")).toBe(true);
    expect(isCliEntryPoint("src/cli/review.ts")).toBe(true);
    expect(isCliEntryPoint("src/services/server-status.ts")).toBe(false);
  });
});

describe("hasRuntimeBehaviour", () => {
  it("is false for types, barrels and constants", () => {
    expect(hasRuntimeBehaviour("export interface A { a: number }\nexport type B = A;", "a.ts")).toBe(false);
    expect(hasRuntimeBehaviour('export * from "./a.js";\nimport type { X } from "./x.js";', "a.ts")).toBe(false);
    expect(hasRuntimeBehaviour("export const LIMIT = 20;\nexport const NAMES = ['a'];", "a.ts")).toBe(false);
    expect(hasRuntimeBehaviour("declare module 'x' { export function f(): void; }", "a.ts")).toBe(false);
  });
  it("is true for functions, classes and calls", () => {
    expect(hasRuntimeBehaviour("export const f = () => 1;", "a.ts")).toBe(true);
    expect(hasRuntimeBehaviour("export class Repo {}", "a.ts")).toBe(true);
    expect(hasRuntimeBehaviour("export const app = express();", "a.js")).toBe(true);
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
    expect(testNameMatches("src/tasks.ts", "test/unit/tasksRepo.test.ts")).toBe(true);
    expect(testNameMatches("src/db.ts", "test/dbx.test.ts")).toBe(false);
    expect(testNameMatches("src/tasks.ts", "src/tasksx.test.ts")).toBe(false);
  });
});
