import { describe, expect, it } from "vitest";
import { noExplicitAnyCheck } from "../../../src/checks/clean-code/no-explicit-any.js";
import { unusedCodeCheck } from "../../../src/checks/clean-code/unused-code.js";
import type { EslintCheck } from "../../../src/contract/check.js";
import { runEslintChecks } from "../../../src/review/eslint-runner.js";

function lines(check: EslintCheck, content: string): number[] {
  const file = {
    path: "src/app.ts",
    content,
    language: "js" as const,
    status: "added" as const,
    addedLines: new Set<number>(),
  };
  const result = runEslintChecks(file, [{ check, options: {} }]);
  return (result.findings.get(check.id) ?? []).map((finding) => finding.line);
}

describe("the learner's eslint-disable comments, honoured per rule by the engine", () => {
  it("drops a finding on a line disabled for the rule under its typescript-eslint name", () => {
    const code = "// eslint-disable-next-line @typescript-eslint/no-unused-vars\nconst legacy = 1;\nconst other = 2;\n";
    expect(lines(unusedCodeCheck, code)).toEqual([3]);
  });

  it("honours disable-line, blocks closed by eslint-enable, and comments that name no rule", () => {
    const code =
      "let a: any; // eslint-disable-line @typescript-eslint/no-explicit-any\n" +
      "/* eslint-disable */\nlet b: any;\n/* eslint-enable */\nlet c: any;\nexport { a, b, c };\n";
    expect(lines(noExplicitAnyCheck, code)).toEqual([5]);
  });

  it("keeps findings when the comment names another rule", () => {
    expect(
      lines(noExplicitAnyCheck, "// eslint-disable-next-line no-console -- logging\nexport let a: any;\n"),
    ).toEqual([2]);
  });
});
