import { describe, expect, it } from "vitest";
import { testMissingCheck } from "../../../src/checks/tests/test-missing.js";
import { makeContext } from "./make-context.js";

const SERVICE = "export function addTask(title: string) {\n  return { title };\n}\n";

describe("test-missing", () => {
  it("reports a changed module that no test imports, once, file-scoped at line 1", () => {
    const findings = testMissingCheck.run(makeContext({ changed: { "src/tasks.ts": SERVICE }, related: { "test/users.test.ts": 'import { x } from "../src/users.js";' } }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/tasks.ts", line: 1, scope: "file", messageId: "missingTest" });
    expect(findings[0]?.message).toContain("test/tasks.test.ts");
    expect(findings[0]?.message).not.toMatch(/\b(just|simply)\b/i);
  });

  it("accepts a test that imports the module with a .js extension (TypeScript ESM)", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE }, related: { "test/anything.test.ts": 'import { addTask } from "../src/tasks.js";' } });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("accepts imports without extension, through index files, and by require", () => {
    const dirModule = { "src/tasks/index.ts": SERVICE };
    expect(testMissingCheck.run(makeContext({ changed: dirModule, related: { "test/a.test.ts": 'import { addTask } from "../src/tasks";' } }))).toEqual([]);
    expect(testMissingCheck.run(makeContext({ changed: { "lib/tasks.js": SERVICE }, related: { "lib/a.spec.js": 'const { addTask } = require("./tasks");' } }))).toEqual([]);
  });

  it("accepts a module exercised through the modules a test imports", () => {
    const context = makeContext({
      changed: { "src/services/task-service.ts": SERVICE },
      related: {
        "src/app.ts": 'import { router } from "./routes/tasks.js";\nexport const app = makeApp(router);',
        "src/routes/tasks.ts": 'import { addTask } from "../services/task-service.js";\nexport const router = makeRouter(addTask);',
        "test/app.test.ts": 'import { app } from "../src/app.js";\nit("works", () => { expect(app).toBeDefined(); });',
      },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("falls back on name matching when a test's content is unknown", () => {
    const tested = (testPath: string) => testMissingCheck.run(makeContext({ changed: { "src/tasks.ts": SERVICE }, otherPaths: [testPath] }));
    expect(tested("src/tasks.test.ts")).toEqual([]);
    expect(tested("src/tasks.spec.ts")).toEqual([]);
    expect(tested("src/__tests__/tasks.ts")).toEqual([]);
    expect(tested("test/routes/tasks-routes.test.ts")).toEqual([]);
    expect(tested("test/taskslist.test.ts")).toHaveLength(1);
    expect(tested("test/users.test.ts")).toHaveLength(1);
  });

  it("does not use name matching when the test's content is known and does not reach the module", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE }, related: { "src/tasks.test.ts": 'import { other } from "./other.js";' } });
    expect(testMissingCheck.run(context)).toHaveLength(1);
  });

  it("counts a changed test in the same change", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE, "src/tasks.test.ts": 'import { addTask } from "./tasks.js";' } });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("ignores tests, configs, migrations, scripts, declarations, type-only modules and barrels", () => {
    const context = makeContext({
      changed: {
        "src/tasks.test.ts": SERVICE,
        "vitest.config.ts": "export default defineConfig({});",
        "migrations/001_init.js": "exports.up = (knex) => knex.schema.createTable('t', () => {});",
        "scripts/seed.ts": "seed();",
        "src/types.d.ts": "declare module 'x';",
        "src/types.ts": "export interface Task { id: number }\nexport type Id = number;",
        "src/index.ts": 'export * from "./a.js";\nexport { b } from "./b.js";',
        "src/constants.ts": "export const PORT = 3000;",
        "src/server.ts": "app.listen(3000);",
      },
    });
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("skips removed files", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE } });
    context.files[0]!.status = "removed";
    expect(testMissingCheck.run(context)).toEqual([]);
  });

  it("takes ignore patterns from the rubric options", () => {
    const context = makeContext({ changed: { "src/generated/client.ts": SERVICE }, options: { ignore: ["src/generated/**"] } });
    expect(testMissingCheck.run(context)).toEqual([]);
    expect(() => testMissingCheck.run(makeContext({ changed: {}, options: { ignore: "src" } }))).toThrow(/ignore/);
  });

  it("suggests a co-located test when the repository keeps tests next to the code", () => {
    const findings = testMissingCheck.run(makeContext({ changed: { "src/tasks.ts": SERVICE }, otherPaths: ["src/users.test.ts"] }));
    expect(findings[0]?.message).toContain("src/tasks.test.ts");
  });
});
