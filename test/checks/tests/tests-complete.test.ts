import { describe, expect, it } from "vitest";
import { testsCompleteCheck } from "../../../src/checks/tests/tests-complete.js";
import { makeContext } from "./make-context.js";

const SERVICE = "export function addTask(title: string) {\n  return { title };\n}\n";

describe("tests-complete", () => {
  it("praises once when every changed module has a test", () => {
    const context = makeContext({
      changed: {
        "src/tasks.ts": SERVICE,
        "src/users.ts": SERVICE,
        "src/tasks.test.ts": 'import { addTask } from "./tasks.js";',
      },
      otherPaths: ["src/users.test.ts"],
    });
    const findings = testsCompleteCheck.run(context);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: "src/tasks.ts", line: 1, scope: "file", level: "celebratory" });
    expect(findings[0]?.message).toContain("all 2 modules you changed have tests that exercise them");
    expect(findings[0]?.message).toContain("src/tasks.test.ts");
  });

  it("speaks of one module in the singular", () => {
    const context = makeContext({ changed: { "src/tasks.ts": SERVICE }, otherPaths: ["test/tasks.test.ts"] });
    expect(testsCompleteCheck.run(context)[0]?.message).toMatch(
      /^Well done: the module you changed has a test that exercises it \(`src\/tasks.ts` is covered by `test\/tasks.test.ts`\)/,
    );
  });

  it("stays silent when one changed module has no test", () => {
    const context = makeContext({
      changed: { "src/tasks.ts": SERVICE, "src/users.ts": SERVICE },
      otherPaths: ["src/users.test.ts"],
    });
    expect(testsCompleteCheck.run(context)).toEqual([]);
  });

  it("stays silent when no changed module needs a test", () => {
    const context = makeContext({ changed: { "src/types.ts": "export type Id = number;", "README.md": "# hi" } });
    expect(testsCompleteCheck.run(context)).toEqual([]);
  });
});
